"""Staging reads input numbers the same way whatever the input column's type.

An integer column of up to 64 bits or an 8-byte float column is cast directly, and
every other column goes through the text parser. These tests load the same values once as typed columns and
once as text, build the staging views on each, and compare what they read. They also
check the duplicate-id flag on the same rows.
"""

from __future__ import annotations

import duckdb
import pytest

NUMBER_CASES = [
    # (person_id, years as a float, the number staging must read)
    ("p_fraction", 3.5, 3.5),
    ("p_tenth", 0.1, 0.1),
    ("p_zero", 0.0, 0.0),
    ("p_large", 1e20, 1e20),
    ("p_negative", -1.0, None),
    ("p_nan", float("nan"), None),
    ("p_infinite", float("inf"), None),
    ("p_minus_infinite", float("-inf"), None),
    ("p_missing", None, None),
]

COMPANY_CASES = [
    # (company_id, employee count as an integer, the count staging must read)
    ("c_small", 12, 12),
    ("c_large", 3_000_000_000, 3_000_000_000),
    ("c_negative", -5, None),
    ("c_missing", None, None),
]

# Amounts that only text can hold, which staging reads as NULL: out of a double's
# range, or longer than the 60 digits the text parser accepts.
TEXT_ONLY_AMOUNTS = [
    ("o_overflow", "1e400"),
    ("o_underflow", "1e-400"),
    ("o_long", "1" * 61),
]

# Written as text, because it does not fit a 64-bit parameter.
LARGE_REVENUE = "27670116110564329473"

STAGING_MODELS = ["stg_reference__countries", "stg_gtm__people", "stg_gtm__companies", "stg_gtm__opportunities"]


def load_inputs(database, schema: str, as_text: bool) -> None:
    """Write the input tables to `schema`, with their number columns typed or as text."""
    number = "varchar" if as_text else "double"
    # DuckDB casts this 128-bit integer to a double one step off its text form's value.
    revenue = "varchar" if as_text else "hugeint"
    # A 4-byte float must read as its text form does: 0.1, not 0.10000000149011612.
    short_number = "varchar" if as_text else "real"
    count = "varchar" if as_text else "bigint"
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"create schema if not exists {schema}")
        connection.execute(
            f"""
            create or replace table {schema}.people (
                person_id varchar, company_id varchar, title varchar, country varchar,
                years_of_experience {number}, years_in_current_role {short_number}
            )
            """
        )
        people = [(person_id, "c_small", "Engineer", "US", years, years) for person_id, years, _ in NUMBER_CASES]
        # Two rows share an id, and two have a blank id.
        people += [("p_twice", "c_small", None, None, 1.0, 1.0)] * 2 + [(" ", "c_small", None, None, None, None)] * 2
        connection.executemany(
            f"insert into {schema}.people values (?, ?, ?, ?, cast(cast(? as double) as {number}), cast(cast(? as real) as {short_number}))",
            people,
        )
        connection.execute(
            f"""
            create or replace table {schema}.companies (
                company_id varchar, company_name varchar, domain varchar, industry varchar,
                employee_count {count}, annual_revenue {revenue}, revenue_currency varchar, country varchar,
                funding_stage varchar, open_roles {count}, net_new_headcount_12m {count}, customer_status varchar
            )
            """
        )
        connection.executemany(
            f"""
            insert into {schema}.companies values (
                ?, null, null, null, cast(cast(? as bigint) as {count}), cast(cast(? as hugeint) as {revenue}), null, null,
                null, cast(cast(? as bigint) as {count}), cast(cast(? as bigint) as {count}), null
            )
            """,
            [(company_id, employees, LARGE_REVENUE, employees, employees) for company_id, employees, _ in COMPANY_CASES],
        )
        connection.execute(
            f"""
            create or replace table {schema}.opportunities as
            select * replace (cast(amount as {number}) as amount) from main_demo.opportunities limit 0
            """
        )
        amounts = [("o_plain", "12.5")] + (TEXT_ONLY_AMOUNTS if as_text else [])
        connection.executemany(
            f"insert into {schema}.opportunities (opportunity_id, company_id, amount) values (?, 'c_small', cast(? as {number}))",
            amounts,
        )
        for name in ["company_technologies", "signals", "enrichment_answers"]:
            connection.execute(f"create or replace table {schema}.{name} as select * from main_demo.{name} limit 0")


def read_staging(project) -> dict[str, list[dict]]:
    """Return the rows of the three staging views that parse numbers."""
    return {
        "people": project.query(
            "select person_id, years_of_experience, years_in_current_role, has_duplicate_id"
            " from main.stg_gtm__people order by person_id nulls first, years_of_experience"
        ),
        "companies": project.query(
            "select company_id, employee_count, annual_revenue_usd, open_roles, net_new_headcount_12m, has_duplicate_id"
            " from main.stg_gtm__companies order by company_id"
        ),
        "opportunities": project.query(
            "select opportunity_id, amount_usd from main.stg_gtm__opportunities order by opportunity_id"
        ),
    }


@pytest.fixture(scope="module")
def staging_reads(make_project):
    """Build the staging views over typed and over text inputs; return their rows and SQL."""
    project = make_project("typed_inputs")
    seeded = project.dbt("seed")
    assert seeded.returncode == 0, seeded.output[-4000:]
    reads = {}
    for schema, as_text in [("raw_typed", False), ("raw_text", True)]:
        load_inputs(project.database_path, schema, as_text)
        result = project.dbt(
            "run", "--select", *STAGING_MODELS,
            extra_vars={"gtm_use_demo_data": False, "gtm_source_schema": schema},
        )
        assert result.returncode == 0, result.output[-4000:]
        [compiled] = (project.root / "target" / "compiled").rglob("stg_gtm__people.sql")
        reads[schema] = read_staging(project)
        reads[schema]["compiled"] = compiled.read_text(encoding="utf-8")
    return reads


def test_only_doubles_skip_text_parser(staging_reads):
    typed, text = staging_reads["raw_typed"]["compiled"], staging_reads["raw_text"]["compiled"]
    direct_cast = "years_of_experience - years_of_experience = 0"
    assert direct_cast in typed
    assert direct_cast not in text
    # The 4-byte float column still goes through its text form.
    assert "cast(years_in_current_role as TEXT)" in typed


def test_typed_and_text_inputs_agree(staging_reads):
    typed, text = staging_reads["raw_typed"], staging_reads["raw_text"]
    assert typed["people"] == text["people"]
    assert typed["companies"] == text["companies"]


def test_typed_numbers_read_as_expected(staging_reads):
    years = {row["person_id"]: row["years_of_experience"] for row in staging_reads["raw_typed"]["people"]}
    for person_id, _, expected in NUMBER_CASES:
        assert years[person_id] == expected, person_id
    employees = {row["company_id"]: row["employee_count"] for row in staging_reads["raw_typed"]["companies"]}
    for company_id, _, expected in COMPANY_CASES:
        assert employees[company_id] == expected, company_id


def test_duplicate_flag_marks_repeated_ids_only(staging_reads):
    flags = [(row["person_id"], row["has_duplicate_id"]) for row in staging_reads["raw_typed"]["people"]]
    assert flags.count(("p_twice", True)) == 2
    # Two blank ids count as the same id.
    assert flags.count((None, True)) == 2
    assert all(not is_duplicate for person_id, is_duplicate in flags if person_id not in (None, "p_twice"))


def test_oversized_text_numbers_read_null(staging_reads):
    amounts = {row["opportunity_id"]: row["amount_usd"] for row in staging_reads["raw_text"]["opportunities"]}
    assert amounts["o_plain"] == 12.5
    for opportunity_id, _ in TEXT_ONLY_AMOUNTS:
        assert amounts[opportunity_id] is None, opportunity_id
