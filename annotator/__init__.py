"""Speech Structure Annotator (讲话结构标注): a desktop tool for the structure, directives and statistics
of Chinese speeches and reports.

Layers (see README "Architecture"): domain, nlp, structure, io, storage, suggest, agreement are Qt-free;
everything Qt lives in annotator.gui.
"""

__version__ = "0.1.0"
