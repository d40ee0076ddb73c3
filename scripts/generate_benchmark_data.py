"""Write a large synthetic input data set for benchmarks into a DuckDB file.

The tables match the `gtm` source tables of models/staging/_staging__sources.yml
(companies, company_technologies, people, opportunities, signals, enrichment_answers),
so a build with `gtm_use_demo_data: false` and `gtm_source_schema` set to `--schema`
reads them. The rows are generated inside DuckDB from small vocabulary tables, so five
million people take about a minute and little memory.

Vocabularies:

* industries, countries, technologies and go-to-market titles: the lists of
  scripts/make_demo_data.py;
* job titles read at run time from O*NET (Sample of Reported Titles and Alternate
  Titles, CC BY 4.0), the Rootstrap labelled titles and the LinkedIn 2018 data-job
  postings in `--data-dir`. Rootstrap and LinkedIn titles have no licence to
  redistribute, so they are only read, never written to a committed file. Without
  O*NET the titles fall back to the committed demo people seed; a missing Rootstrap or
  LinkedIn folder is skipped. Both cases print a note on stderr;
* more technology names from O*NET Technology Skills when that file is present.

The title pool holds `--titles` distinct titles: every source title first, then
variants with a seniority prefix or a region suffix ("Senior Data Analyst, EMEA").
People draw from it with a long-tailed popularity, so a few titles are very common and
most are rare, and 15 % of people get a go-to-market title such as "VP Sales".

Every random value is a hash of the row number, a column salt and `--seed`, so the same
arguments give the same rows. NOTE: DuckDB's hash function may change between DuckDB
versions, so the rows are only reproducible on one version (1.5 when this was written).

Usage:
    python scripts/generate_benchmark_data.py --database bench.duckdb --companies 100000 \
        --people-per-company 5
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import time
import unicodedata
from pathlib import Path

import duckdb

from load_real_data import positive_int
from make_demo_data import (
    CORE_TECHNOLOGIES,
    DEFAULT_DATA_DIR,
    GTM_TITLES,
    INDUSTRY_WEIGHTS,
    MAIN_COUNTRY_WEIGHTS,
    ONET_MAJOR_GROUPS,
    ONET_TECHNOLOGIES,
    OTHER_COUNTRIES,
    PERSON_SIGNAL_WEIGHTS,
    REPO_ROOT,
    REVENUE_PER_EMPLOYEE_USD,
    read_tsv,
)

DEFAULT_SEED = 20261205
DEFAULT_AS_OF_DATE = "2026-12-01"

# Number of slots of a weighted vocabulary table: a value with weight w gets about
# w / total x SLOTS slots, and a draw picks one slot with an equi-join.
SLOTS = 10_000

# Share of people given a go-to-market title from GTM_TITLES instead of a pool title.
GTM_TITLE_SHARE = 0.15
# Popularity skew of the title pool: the pool rank is floor(size x u ** TITLE_SKEW).
TITLE_SKEW = 2.0
# Company of a person: floor(companies x u ** COMPANY_SKEW), so low company numbers
# have many people and most companies have a few.
COMPANY_SKEW = 1.5

TITLE_PREFIXES = ["Senior ", "Lead ", "Principal ", "Junior ", "Associate ", "Chief ", "Deputy ", "Acting "]
TITLE_SUFFIXES = ["", ", EMEA", ", Americas", ", APAC", " - Remote", " II", ", North America", " (Contract)"]

COMPANY_SIGNAL_WEIGHTS = {"website_visit": 60, "hiring_surge": 15, "funding_announced": 25}
SIGNAL_SOURCE_BY_TYPE = {
    "posted": "third_party",
    "engaged": "first_party",
    "replied": "first_party",
    "website_visit": "intent",
    "hiring_surge": "third_party",
    "funding_announced": "third_party",
}
NAME_WORDS = ["Alder", "Birch", "Cedar", "Dune", "Ember", "Fern", "Granite", "Harbor", "Indigo", "Juniper"]


def note(message: str) -> None:
    print(f"note: {message}", file=sys.stderr)


def read_onet_titles(data_dir: Path) -> tuple[list[str], list[str]]:
    """Return (common, rare) O*NET titles: reported titles of office occupations, then the rest."""
    folder = data_dir / "onet-titles"
    if not folder.is_dir():
        demo_people = REPO_ROOT / "seeds" / "demo" / "people.csv"
        note(f"{folder} not found; titles come from {demo_people.relative_to(REPO_ROOT)} instead")
        with demo_people.open(encoding="utf-8", newline="") as handle:
            return sorted({row["title"].strip() for row in csv.DictReader(handle) if row["title"].strip()}), []
    reported = read_tsv(folder / "sample_of_reported_titles.tsv")
    alternate = read_tsv(folder / "alternate_titles.tsv.gz")
    common = [row["Reported Job Title"] for row in reported if row["O*NET-SOC Code"][:2] in ONET_MAJOR_GROUPS]
    rare = [row["Alternate Title"] for row in alternate if row["O*NET-SOC Code"][:2] in ONET_MAJOR_GROUPS]
    rare += [row["Reported Job Title"] for row in reported if row["O*NET-SOC Code"][:2] not in ONET_MAJOR_GROUPS]
    rare += [row["Alternate Title"] for row in alternate if row["O*NET-SOC Code"][:2] not in ONET_MAJOR_GROUPS]
    return common, rare


def read_optional_titles(data_dir: Path) -> list[str]:
    """Return the Rootstrap and LinkedIn titles, skipping a folder that is absent."""
    titles: list[str] = []
    rootstrap = data_dir / "rootstrap-labeled-titles" / "titles_by_level.tsv"
    if rootstrap.is_file():
        titles += [row["Position"] for row in read_tsv(rootstrap)]
    else:
        note(f"{rootstrap} not found; Rootstrap titles are left out")
    linkedin = data_dir / "linkedin-2018-ca-data-jobs" / "linkedin_2018_ca_data_jobs.csv"
    if linkedin.is_file():
        with linkedin.open(encoding="utf-8", newline="") as handle:
            titles += [row["title"] for row in csv.DictReader(handle)]
    else:
        note(f"{linkedin} not found; LinkedIn titles are left out")
    return titles


def build_title_pool(data_dir: Path, size: int, seed: int) -> list[str]:
    """Return `size` distinct titles: source titles first, then prefixed and suffixed variants."""
    rng = random.Random(seed)
    common, rare = read_onet_titles(data_dir)
    base: list[str] = []
    seen: set[str] = set()
    # The pool order is the popularity order: office titles of O*NET and the labelled
    # titles of real people first, shuffled within each group, then the rest.
    for group in [common + read_optional_titles(data_dir), rare]:
        titles = []
        for title in group:
            # Trimmed NFC text, as staging would leave it, so that a raw title equals
            # its cleaned form.
            title = unicodedata.normalize("NFC", " ".join(title.split()))
            if title and title.lower() not in seen:
                seen.add(title.lower())
                titles.append(title)
        rng.shuffle(titles)
        base += titles

    pool = base[:size]
    for prefix in [""] + TITLE_PREFIXES:
        for suffix in TITLE_SUFFIXES:
            if len(pool) >= size:
                return pool
            if not prefix and not suffix:
                continue
            variants = [f"{prefix}{title}{suffix}" for title in base]
            rng.shuffle(variants)
            for variant in variants:
                if variant.lower() not in seen:
                    seen.add(variant.lower())
                    pool.append(variant)
                    if len(pool) >= size:
                        return pool

    note(f"only {len(pool)} distinct titles could be built, fewer than the {size} requested")
    return pool


def read_technologies(data_dir: Path) -> dict[str, tuple[str, float]]:
    """Return {technology: (category, weight)}, with O*NET hot technologies as a long tail."""
    technologies = {name: (category, float(weight)) for name, category, weight in CORE_TECHNOLOGIES + ONET_TECHNOLOGIES}
    path = data_dir / "onet-titles" / "technology_skills.tsv.gz"
    if not path.is_file():
        note(f"{path} not found; only the {len(technologies)} core technologies are used")
        return technologies
    long_tail = sorted({row["Example"] for row in read_tsv(path) if row["Hot Technology"] == "Y"} - set(technologies))
    # The long tail together weighs a quarter of the named technologies.
    tail_weight = 0.25 * sum(weight for _, weight in technologies.values()) / max(1, len(long_tail))
    for name in long_tail:
        technologies[name] = ("other", tail_weight)
    return technologies


def slot_rows(weights: dict[str, float]) -> list[str]:
    """Spread values over SLOTS slots in proportion to their weights, at least one slot each."""
    total = sum(weights.values())
    counts = {value: max(1, round(SLOTS * weight / total)) for value, weight in weights.items()}
    slots = [value for value, count in counts.items() for _ in range(count)]
    return slots[:SLOTS] + [slots[-1]] * (SLOTS - len(slots))


def create_list_table(connection: duckdb.DuckDBPyConnection, name: str, values: list[str]) -> None:
    """Create a temporary table `name` (slot, value) with the values in list order."""
    connection.execute(
        f"create temp table {name} as select unnest(range(len($values))) as slot, unnest($values) as value",
        {"values": values},
    )


def generate(connection: duckdb.DuckDBPyConnection, arguments: argparse.Namespace) -> dict[str, int]:
    companies = arguments.companies
    people = companies * arguments.people_per_company
    title_count = arguments.titles if arguments.titles else max(1_000, people // 25)
    titles = build_title_pool(arguments.data_dir, title_count, arguments.seed)
    technologies = read_technologies(arguments.data_dir)

    country_weights = dict(MAIN_COUNTRY_WEIGHTS)
    country_weights.update({code: 0.5 for code in OTHER_COUNTRIES})
    create_list_table(connection, "industry_slots", slot_rows(INDUSTRY_WEIGHTS))
    create_list_table(connection, "country_slots", slot_rows(country_weights))
    create_list_table(connection, "technology_slots", slot_rows({name: weight for name, (_, weight) in technologies.items()}))
    create_list_table(connection, "person_signal_slots", slot_rows(PERSON_SIGNAL_WEIGHTS))
    create_list_table(connection, "company_signal_slots", slot_rows(COMPANY_SIGNAL_WEIGHTS))
    create_list_table(connection, "title_pool", titles)
    create_list_table(connection, "gtm_titles", GTM_TITLES)
    connection.execute(
        "create temp table technology_categories as select unnest($names) as technology, unnest($categories) as category",
        {"names": list(technologies), "categories": [category for category, _ in technologies.values()]},
    )
    connection.execute(
        "create temp table revenue_per_employee as select unnest($names) as industry, unnest($values) as usd",
        {"names": list(REVENUE_PER_EMPLOYEE_USD), "values": list(REVENUE_PER_EMPLOYEE_USD.values())},
    )

    # u(n, salt): a uniform draw in [0, 1) that depends only on the row number n, the
    # salt and the seed.
    connection.execute(f"create temp macro u(n, salt) as (hash(n, salt, {int(arguments.seed)}) % 1000003) / 1000003.0")
    connection.execute(f"create temp macro company_of(person_number) as floor({companies} * pow(u(person_number, 'company'), {COMPANY_SKEW}))::bigint")
    connection.execute(f"create schema if not exists {arguments.schema}")
    schema = arguments.schema
    as_of = f"timestamp '{arguments.as_of_date}'"

    connection.execute(f"""
        create or replace table {schema}.companies as
        with drawn as (
            select
                i,
                (select value from industry_slots where slot = floor(u(i, 'industry') * {SLOTS})) as industry,
                (select value from country_slots where slot = floor(u(i, 'country') * {SLOTS})) as country,
                u(i, 'size_band') as size_draw,
                u(i, 'size') as size_position,
                -- A standard normal draw (Box-Muller) for the spread of revenue around its size.
                sqrt(-2 * ln(1 - u(i, 'revenue_a'))) * cos(2 * pi() * u(i, 'revenue_b')) as revenue_z
            from range({companies}) as numbers(i)
        ),
        sized as (
            -- The same size mix as the demo data: 8 % with 1-10 employees, 72 % with
            -- 11-2,000, 14 % with 2,001-10,000 and 6 % with 10,001-50,000 (log-uniform).
            select
                *,
                case
                    when size_draw < 0.08 then 1 + floor(size_position * 10)
                    when size_draw < 0.80 then floor(exp(ln(11) + size_position * ln(2000 / 11)))
                    when size_draw < 0.94 then floor(exp(ln(2001) + size_position * ln(10000 / 2001)))
                    else floor(exp(ln(10001) + size_position * ln(50000 / 10001)))
                end::bigint as employees
            from drawn
        )
        select
            'c_' || lpad(i::varchar, 8, '0') as company_id,
            {NAME_WORDS!r}[1 + i % {len(NAME_WORDS)}] || ' ' || sized.industry || ' ' || i as company_name,
            lower({NAME_WORDS!r}[1 + i % {len(NAME_WORDS)}]) || i || '.com' as domain,
            sized.industry,
            case when u(i, 'employees_known') < 0.97 then employees end as employee_count,
            case when u(i, 'revenue_known') < 0.92
                then round(employees * revenue_per_employee.usd * exp(0.5 * revenue_z), -3)::bigint
            end as annual_revenue,
            'USD' as revenue_currency,
            case when u(i, 'country_known') < 0.97 then country end as country,
            case
                when u(i, 'funding_known') > 0.9 then null
                when employees <= 10 then case when u(i, 'funding') < 0.5 then 'bootstrapped' else 'seed' end
                when employees <= 200 then case
                    when u(i, 'funding') < 0.25 then 'bootstrapped'
                    when u(i, 'funding') < 0.5 then 'seed'
                    when u(i, 'funding') < 0.8 then 'series_a'
                    else 'series_b' end
                when employees <= 2000 then case
                    when u(i, 'funding') < 0.4 then 'series_b'
                    when u(i, 'funding') < 0.7 then 'series_c'
                    else 'series_d_plus' end
                else case when u(i, 'funding') < 0.7 then 'public' else 'series_d_plus' end
            end as funding_stage,
            case when u(i, 'open_roles_known') < 0.95 then floor(employees * 0.08 * u(i, 'open_roles'))::bigint end
                as open_roles,
            round(employees * 0.4 * (u(i, 'growth') - 0.3))::bigint as net_new_headcount_12m,
            case
                when u(i, 'customer') < 0.04 then 'customer'
                when u(i, 'customer') < 0.06 then 'churned'
                when u(i, 'customer') < 0.66 then 'prospect'
            end as customer_status
        from sized
        inner join revenue_per_employee
            on sized.industry = revenue_per_employee.industry
        order by i
    """)

    connection.execute(f"""
        create or replace table {schema}.company_technologies as
        with picks as (
            select distinct
                i,
                (select value from technology_slots where slot = floor(u(i * 64 + j, 'technology') * {SLOTS}))
                    as technology
            from range({companies}) as numbers(i),
                range(floor(u(i, 'technology_count') * {2 * arguments.technologies_per_company + 1})::bigint)
                    as picks(j)
        )
        select
            'c_' || lpad(picks.i::varchar, 8, '0') as company_id,
            picks.technology,
            technology_categories.category
        from picks
        inner join technology_categories
            on picks.technology = technology_categories.technology
        order by picks.i, picks.technology
    """)

    connection.execute(f"""
        create or replace table {schema}.people as
        with drawn as (
            select
                i,
                company_of(i) as company_number,
                u(i, 'company_state') as company_state,
                case
                    when u(i, 'title_source') < {GTM_TITLE_SHARE}
                        then (select value from gtm_titles where slot = floor(u(i, 'gtm_title') * {len(GTM_TITLES)}))
                    else (select value from title_pool where slot = floor({len(titles)} * pow(u(i, 'title'), {TITLE_SKEW})))
                end as title,
                u(i, 'experience') as experience_draw
            from range({people}) as numbers(i)
        )
        select
            'p_' || lpad(drawn.i::varchar, 9, '0') as person_id,
            -- 1 % of people have no company and 0.5 % name a company that does not exist.
            case
                when company_state < 0.01 then null
                when company_state < 0.015 then 'c_unknown_' || (drawn.i % 1000)
                else 'c_' || lpad(company_number::varchar, 8, '0')
            end as company_id,
            case when u(drawn.i, 'title_known') < 0.97 then title end as title,
            case
                when u(drawn.i, 'country_known') > 0.95 then null
                when u(drawn.i, 'same_country') < 0.85 then companies.country
                else (select value from country_slots where slot = floor(u(drawn.i, 'country') * {SLOTS}))
            end as country,
            case when u(drawn.i, 'experience_known') < 0.9 then round(1 + 34 * pow(experience_draw, 1.4), 1) end
                as years_of_experience,
            case when u(drawn.i, 'tenure_known') < 0.9
                then round((1 + 34 * pow(experience_draw, 1.4)) * pow(u(drawn.i, 'tenure'), 2), 1)
            end as years_in_current_role
        from drawn
        left join {schema}.companies
            on companies.company_id = 'c_' || lpad(drawn.company_number::varchar, 8, '0')
        order by drawn.i
    """)

    signal_count = arguments.signals if arguments.signals is not None else people
    connection.execute(f"""
        create or replace table {schema}.signals as
        with drawn as (
            select
                i,
                u(i, 'level') < 0.85 as is_person_signal,
                floor({people} * u(i, 'person'))::bigint as person_number,
                floor({companies} * u(i, 'company'))::bigint as company_number,
                -- About 2 % of signals fall after the as-of date, which scoring ignores.
                {as_of} - to_seconds(floor((u(i, 'age') * 1.02 - 0.02) * 400 * 86400)::bigint) as occurred_at
            from range({signal_count}) as numbers(i)
        ),
        typed as (
            select
                *,
                case
                    when is_person_signal
                        then (select value from person_signal_slots where slot = floor(u(i, 'type') * {SLOTS}))
                    else (select value from company_signal_slots where slot = floor(u(i, 'type') * {SLOTS}))
                end as signal_type
            from drawn
        )
        select
            's_' || lpad(i::varchar, 9, '0') as signal_id,
            'c_' || lpad((case when is_person_signal then company_of(person_number) else company_number end)::varchar, 8, '0')
                as company_id,
            case when is_person_signal then 'p_' || lpad(person_number::varchar, 9, '0') end as person_id,
            signal_type,
            occurred_at,
            case signal_type {" ".join(f"when '{key}' then '{value}'" for key, value in SIGNAL_SOURCE_BY_TYPE.items())} end
                as source_category
        from typed
        order by i
    """)

    connection.execute(f"""
        create or replace table {schema}.opportunities as
        with picks as (
            select i, j
            from range({companies}) as numbers(i),
                range(case when u(i, 'has_opportunity') < 0.06 then 1 + floor(u(i, 'opportunity_count') * 3) else 0 end::bigint)
                    as picks(j)
        )
        select
            'o_' || lpad(i::varchar, 8, '0') || '_' || j as opportunity_id,
            'c_' || lpad(i::varchar, 8, '0') as company_id,
            case
                when u(i * 4 + j, 'stage') < 0.3 then 'open'
                when u(i * 4 + j, 'stage') < 0.55 then 'closed_won'
                else 'closed_lost'
            end as stage,
            round(5000 + 120000 * u(i * 4 + j, 'amount'), 2) as amount,
            {as_of} - to_seconds(floor((200 + 700 * u(i * 4 + j, 'created')) * 86400)::bigint) as created_at,
            case when u(i * 4 + j, 'stage') >= 0.3
                then {as_of} - to_seconds(floor(150 * u(i * 4 + j, 'closed') * 86400)::bigint)
            end as closed_at
        from picks
        order by i, j
    """)

    connection.execute(f"""
        create or replace table {schema}.enrichment_answers as
        with picks as (
            select i, question
            from range({people}) as numbers(i),
                (values ('runs_outbound_team'), ('sells_to_enterprise')) as questions(question)
            where u(i, question) < 0.2
        )
        select
            'p_' || lpad(i::varchar, 9, '0') as person_id,
            question as question_code,
            case when u(i, question || '_answer') < 0.4 then 'yes' else 'no' end as answer,
            {as_of} - to_seconds(floor(180 * u(i, question || '_at') * 86400)::bigint) as answered_at
        from picks
        order by i, question
    """)

    counts = {}
    for table in ["companies", "company_technologies", "people", "opportunities", "signals", "enrichment_answers"]:
        counts[table] = connection.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
    counts["distinct_titles"] = connection.execute(f"select count(distinct title) from {schema}.people").fetchone()[0]
    return counts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, required=True, help="DuckDB file to write (created if missing)")
    parser.add_argument("--schema", default="raw", help="schema of the source tables (default: raw)")
    parser.add_argument("--companies", type=positive_int, default=10_000, help="number of companies (default: 10000)")
    parser.add_argument("--people-per-company", type=positive_int, default=5, help="people per company on average (default: 5)")
    parser.add_argument(
        "--technologies-per-company", type=positive_int, default=4, help="technologies per company on average (default: 4)"
    )
    parser.add_argument("--signals", type=int, default=None, help="number of signal rows (default: one per person)")
    parser.add_argument(
        "--titles", type=positive_int, default=None, help="distinct titles in the title pool (default: one per 25 people, at least 1000)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed of every random draw (default: {DEFAULT_SEED})")
    parser.add_argument("--as-of-date", default=DEFAULT_AS_OF_DATE, help=f"date that signal ages count back from (default: {DEFAULT_AS_OF_DATE})")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help=f"folder of the public data sets (default: {DEFAULT_DATA_DIR})")
    arguments = parser.parse_args(argv)
    dt.date.fromisoformat(arguments.as_of_date)
    if not arguments.schema.isidentifier():
        parser.error(f"--schema must be a plain identifier, received {arguments.schema!r}")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_args(argv)
    started = time.perf_counter()
    with duckdb.connect(str(arguments.database)) as connection:
        counts = generate(connection, arguments)
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{count:,} {name}" for name, count in counts.items())
    print(f"wrote {summary} to {arguments.database} schema {arguments.schema} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
