"""Preferences: annotator name, UI language, how selections snap; and the project's suggestion
settings (implicit directives, the confidence threshold of its learned model), which the CLI shares."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLineEdit, QSpinBox)


class PreferencesDialog(QDialog):
    def __init__(self, annotator: str, language: str, snap_mode: str, parent=None, suggest: dict | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.name = QLineEdit(annotator)
        form.addRow(self.tr("Annotator name"), self.name)
        self.language = QComboBox()
        for code, text in (("", self.tr("System default")), ("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("Language"), self.language)
        self.snap = QComboBox()
        for code, text in (("trim", self.tr("Trim spaces and punctuation")), ("clause", self.tr("Whole clause")),
                           ("sentence", self.tr("Whole sentence"))):
            self.snap.addItem(text, code)
        self.snap.setCurrentIndex(max(0, self.snap.findData(snap_mode)))
        form.addRow(self.tr("Selections snap to"), self.snap)
        suggest = suggest or {"implicit": False, "threshold": 0.3}
        self.implicit = QCheckBox(self.tr("Also suggest implicit directives (verb-initial tasks, less certain)"))
        self.implicit.setObjectName("suggestImplicit")
        self.implicit.setChecked(bool(suggest["implicit"]))
        form.addRow(self.tr("Suggestions (this project)"), self.implicit)
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("suggestThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(float(suggest["threshold"]))
        self.threshold.setToolTip(self.tr("Once the project's model has learned from accepts and rejects, "
                                          "suggestions it gives a lower confidence are not shown."))
        form.addRow(self.tr("Confidence threshold"), self.threshold)
        self.retrain = QSpinBox()
        self.retrain.setObjectName("learnerRetrainEvery")
        self.retrain.setRange(0, 10000)
        self.retrain.setValue(int(suggest.get("retrain_every", 20)))
        self.retrain.setSpecialValueText(self.tr("never"))
        self.retrain.setToolTip(self.tr("The model learns again in the background after this many accepts and "
                                        "rejects, and re-ranks the open suggestions."))
        form.addRow(self.tr("Retrain after answers"), self.retrain)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.language.currentData(), self.snap.currentData()

    def suggestion_values(self) -> dict:
        return {"implicit": self.implicit.isChecked(), "threshold": round(self.threshold.value(), 2)}

    def retrain_value(self) -> int:
        return self.retrain.value()
