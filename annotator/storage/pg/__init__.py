"""The PostgreSQL backend of a project (issue 16): same storage functions, another connection.

backend.py opens a team project from a ``postgresql://`` URL, schema.py holds the PostgreSQL body of
every migration, search.py the trigram/word search, security.py the roles and row-level security.
psycopg is imported only when a URL is opened: a desktop user with SQLite projects never loads it.
"""
