"""Application services: one function per thing a person asks for, called by both the GUI and the CLI
(issue 15: one "suggest a document", one "what will a folder import bring in")."""
