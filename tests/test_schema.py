"""schema.sql and storage/models.py must describe exactly the same database.

Both are built into real SQLite files and compared through reflection: columns (type,
nullability, default), primary keys, foreign keys with ON DELETE, unique constraints,
indexes, CHECK constraints and triggers. The mutation tests prove the comparison notices a
change made to either side alone.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import DDL, Engine, MetaData, create_engine, event, inspect
from sqlalchemy.schema import CheckConstraint

from kiosk.storage.database import schema_sql
from kiosk.storage.models import AUDIT_APPEND_ONLY_TRIGGERS, Base

ROOT = Path(__file__).resolve().parent.parent


def _squash(sql: str | None) -> str | None:
    """Compare SQL text regardless of layout: fold white space and quoting of names."""
    if sql is None:
        return None
    sql = re.sub(r"\s+", " ", sql.replace('"', "")).strip()
    return re.sub(r"\s*([(),])\s*", r"\1", sql)


def describe(engine: Engine) -> dict[str, Any]:
    """Everything about a database's structure that the two sides must agree on."""
    inspector = inspect(engine)
    tables: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        columns = [
            (c["name"], str(c["type"]), c["nullable"], _squash(c["default"]))
            for c in inspector.get_columns(table)
        ]
        pk = inspector.get_pk_constraint(table)
        foreign_keys = sorted(
            (
                fk["name"],
                tuple(fk["constrained_columns"]),
                fk["referred_table"],
                tuple(fk["referred_columns"]),
                fk["options"].get("ondelete"),
                fk["options"].get("onupdate"),
            )
            for fk in inspector.get_foreign_keys(table)
        )
        uniques = sorted(
            (u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)
        )
        indexes = sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]))
            for i in inspector.get_indexes(table)
        )
        checks = sorted(
            (c["name"], _squash(c["sqltext"])) for c in inspector.get_check_constraints(table)
        )
        tables[table] = {
            "columns": columns,
            "primary_key": (pk["name"], tuple(pk["constrained_columns"])),
            "foreign_keys": foreign_keys,
            "unique": uniques,
            "indexes": indexes,
            "checks": checks,
        }
    with engine.connect() as connection:
        triggers = sorted(
            (name, table, _squash(sql))
            for name, table, sql in connection.exec_driver_sql(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        )
    return {"tables": tables, "triggers": triggers}


def engine_from_sql(path: Path, ddl: str) -> Engine:
    with sqlite3.connect(path) as connection:
        connection.executescript(ddl)
    connection.close()
    return create_engine(f"sqlite:///{path}")


def engine_from_metadata(path: Path, metadata: MetaData) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    return engine


def _diff(from_sql: dict[str, Any], from_models: dict[str, Any]) -> list[str]:
    """One line per difference, naming only the items that differ."""
    lines = []
    for table in sorted(set(from_sql["tables"]) | set(from_models["tables"])):
        a, b = from_sql["tables"].get(table), from_models["tables"].get(table)
        if a is None or b is None:
            lines.append(f"{table}: only in {'models' if a is None else 'schema.sql'}")
            continue
        for part in a:
            if a[part] != b[part]:
                left, right = _as_list(a[part]), _as_list(b[part])
                only_sql = [item for item in left if item not in right]
                only_models = [item for item in right if item not in left]
                lines.append(
                    f"{table}.{part}: schema.sql has {only_sql or left}, "
                    f"models have {only_models or right}"
                )
    if from_sql["triggers"] != from_models["triggers"]:
        lines.append(f"triggers: schema.sql {from_sql['triggers']} != {from_models['triggers']}")
    return lines


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def from_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("models") / "models.sqlite3"
    return describe(engine_from_metadata(path, Base.metadata))


def test_schema_sql_matches_models_exactly(tmp_path: Path, from_models: dict[str, Any]) -> None:
    from_sql = describe(engine_from_sql(tmp_path / "sql.sqlite3", schema_sql()))
    assert _diff(from_sql, from_models) == []


def test_packaged_schema_is_the_top_level_file() -> None:
    assert schema_sql() == (ROOT / "schema.sql").read_text(encoding="utf-8")


def test_reflection_sees_every_declared_check(from_models: dict[str, Any]) -> None:
    """Guards the comparison itself: a CHECK the reflector could not parse would hide drift."""
    declared = sorted(
        constraint.name
        for table in Base.metadata.tables.values()
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    )
    reflected = sorted(
        name for table in from_models["tables"].values() for name, _ in table["checks"]
    )
    assert reflected == declared
    assert len(declared) > 40


SQL_MUTATIONS = {
    "nullability": ("room VARCHAR(20),", "room VARCHAR(20) NOT NULL,"),
    "type": ("preferred_name VARCHAR(80) NOT NULL", "preferred_name VARCHAR(90) NOT NULL"),
    "default": ("text_scale INTEGER DEFAULT 100", "text_scale INTEGER DEFAULT 125"),
    "on delete": (
        "REFERENCES proposal (id) ON DELETE CASCADE",
        "REFERENCES proposal (id) ON DELETE RESTRICT",
    ),
    "check": ("CHECK (text_scale BETWEEN 100 AND 200)", "CHECK (text_scale BETWEEN 100 AND 300)"),
    "unique": (
        "CONSTRAINT uq_ballot_poll_id_resident_id UNIQUE (poll_id, resident_id)",
        "CONSTRAINT uq_ballot_poll_id_resident_id UNIQUE (poll_id)",
    ),
    "index": ("CREATE INDEX ix_feedback_created_at ON feedback (created_at);", ""),
    "trigger": ("CREATE TRIGGER audit_event_no_delete", "CREATE TRIGGER audit_event_no_del"),
    "new column": ("    room VARCHAR(20),\n", "    room VARCHAR(20),\n    wing TEXT,\n"),
}


@pytest.mark.parametrize("change", sorted(SQL_MUTATIONS))
def test_a_change_to_schema_sql_alone_fails(
    change: str, tmp_path: Path, from_models: dict[str, Any]
) -> None:
    before, after = SQL_MUTATIONS[change]
    ddl = schema_sql()
    assert ddl.count(before) >= 1, f"mutation {change!r} no longer matches schema.sql"
    mutated = describe(engine_from_sql(tmp_path / "m.sqlite3", ddl.replace(before, after, 1)))
    assert _diff(mutated, from_models) != []


def _copy_metadata() -> MetaData:
    """A copy of the models' tables (with the audit triggers) that a test may change."""
    copy = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(copy)
    for statement in AUDIT_APPEND_ONLY_TRIGGERS:
        event.listen(copy.tables["audit_event"], "after_create", DDL(statement))
    return copy


def test_a_change_to_the_models_alone_fails(tmp_path: Path) -> None:
    from_sql = describe(engine_from_sql(tmp_path / "sql.sqlite3", schema_sql()))
    changed = _copy_metadata()
    changed.tables["resident"].c.room.nullable = False
    mutated = describe(engine_from_metadata(tmp_path / "m.sqlite3", changed))
    untouched = describe(engine_from_metadata(tmp_path / "u.sqlite3", _copy_metadata()))
    assert _diff(from_sql, untouched) == []
    differences = _diff(from_sql, mutated)
    assert len(differences) == 1
    assert differences[0].startswith("resident.columns:")
