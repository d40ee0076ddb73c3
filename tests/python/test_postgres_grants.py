"""A BI role reads the marts on PostgreSQL and is denied the staging data behind them.

The project is built with GTM_BI_ROLES naming a real login role. The test then
connects as that role: reading the marts must succeed, while staging views and the input seeds,
which hold personal data as loaded, must fail with a permission error.
"""

from __future__ import annotations

import psycopg2
import psycopg2.errors
import pytest

from conftest import ENGINES, postgres_connect, postgres_settings

BI_ROLE = "gtm_test_bi_reader"
BI_PASSWORD = "bi-reader-password"

pytestmark = pytest.mark.skipif("postgres" not in ENGINES, reason="GTM_TEST_ENGINES does not include postgres")


@pytest.fixture(scope="module")
def granted_build(make_project, postgres_server):
    admin = postgres_connect("postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("select 1 from pg_roles where rolname = %s", [BI_ROLE])
            if cursor.fetchone() is None:
                cursor.execute(f"create role {BI_ROLE} login password %s", [BI_PASSWORD])
    finally:
        admin.close()

    project = make_project("grants", "postgres")
    result = project.dbt(
        "build", "--select", "+person_fit", "--indirect-selection", "cautious",
        extra_env={"GTM_BI_ROLES": BI_ROLE},
        timeout=900,
    )
    assert result.returncode == 0, result.output[-6000:]
    return project


def query_as_bi_role(project, sql: str):
    settings = postgres_settings()
    connection = psycopg2.connect(
        host=settings["GTM_PG_HOST"],
        port=int(settings["GTM_PG_PORT"]),
        user=BI_ROLE,
        password=BI_PASSWORD,
        dbname=project.postgres_database,
        connect_timeout=5,
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


def test_bi_role_reads_marts(granted_build):
    [(companies,)] = query_as_bi_role(granted_build, "select count(*) from main.company_fit")
    [(people,)] = query_as_bi_role(granted_build, "select count(*) from main.person_fit")
    assert companies > 0
    assert people > 0


@pytest.mark.parametrize("relation", ["main.stg_gtm__people", "main.int_people__features", "main_demo.people"])
def test_bi_role_denied_personal_data(granted_build, relation):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        query_as_bi_role(granted_build, f"select count(*) from {relation}")


def test_owner_reads_staging(granted_build):
    # The denial above must come from the grants, not from a missing relation.
    [row] = granted_build.query("select count(*) as people from main.stg_gtm__people")
    assert row["people"] > 0
