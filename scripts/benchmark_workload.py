"""ICP and Persona definitions of the benchmark workload, and their criteria in two engines.

The workload has 10 ICPs (8 live, 2 draft) with 5 Personas each and 5 to 7 criteria per
definition. The criteria mix categories, numeric ranges with falloff, named bands, list
`any` and `all`, booleans, exact, wildcard and semantic titles, seniority and signal
recency. scripts/benchmark_scoring.py writes them as seeds into a throwaway copy of the
project; the committed demo definitions are never changed.

The same definitions are evaluated twice outside dbt, as plain reference
implementations of the scoring contract: `sql_strength` renders one criterion as a
DuckDB expression and `pandas_strength` computes it on a pandas DataFrame. Both follow
the contract of the dbt macros (gtm_criterion_strength): NULL when the value is
unknown, else 1 or 0, and the falloff strength just outside a numeric range in score
mode. Title patterns are keyed with scripts/title_rules_reference.py, the pure-Python
mirror of the title classifier.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

import title_rules_reference

FALLOFF_STRENGTH = 0.7  # the dbt var gtm_falloff_strength
DEFAULT_FALLOFF = 0.1  # the dbt var gtm_default_falloff
SENIORITY_LADDER = title_rules_reference.SENIORITY_LADDER

# Parameter -> (entity, type, feature column), a subset of the gtm_parameters registry.
PARAMETERS = {
    "industry": ("company", "category", "industry"),
    "employee_count": ("company", "number", "employee_count"),
    "annual_revenue": ("company", "number", "annual_revenue"),
    "technologies": ("company", "list", "technologies"),
    "company_country": ("company", "category", "country_code"),
    "company_region": ("company", "category", "region"),
    "company_sub_region": ("company", "category", "sub_region"),
    "funding_stage": ("company", "category", "funding_stage"),
    "hiring_velocity": ("company", "number", "hiring_velocity"),
    "net_new_headcount": ("company", "number", "net_new_headcount_12m"),
    "has_past_pipeline": ("company", "boolean", "has_past_pipeline"),
    "is_current_customer": ("company", "boolean", "is_current_customer"),
    "is_churned": ("company", "boolean", "is_churned"),
    "days_since_funding_announced": ("company", "recency", "days_since_funding_announced"),
    "title": ("person", "title", "title_key"),
    "seniority": ("person", "seniority", "seniority"),
    "function": ("person", "list", "function_list"),
    "person_country": ("person", "category", "country_code"),
    "person_region": ("person", "category", "region"),
    "years_of_experience": ("person", "number", "years_of_experience"),
    "years_in_current_role": ("person", "number", "years_in_current_role"),
    "days_since_posted": ("person", "recency", "days_since_posted"),
    "days_since_engaged": ("person", "recency", "days_since_engaged"),
    "days_since_replied": ("person", "recency", "days_since_replied"),
}
RECENCY_SIGNAL_TYPES = {
    "days_since_funding_announced": "funding_announced",
    "days_since_posted": "posted",
    "days_since_engaged": "engaged",
    "days_since_replied": "replied",
}


@dataclass
class Criterion:
    code: str
    mode: str
    parameter: str
    operator: str
    values: list[str] = field(default_factory=list)
    min_value: float | None = None
    max_value: float | None = None
    falloff: float | None = None
    weight: float | None = None

    @property
    def column(self) -> str:
        return PARAMETERS[self.parameter][2]

    @property
    def kind(self) -> str:
        return PARAMETERS[self.parameter][1]


@dataclass
class Definition:
    icp_code: str
    code: str
    name: str
    status: str
    priority: int
    criteria: list[Criterion]
    persona_code: str | None = None


def criterion(code, mode, parameter, operator, values="", low=None, high=None, falloff=None, weight=None) -> Criterion:
    """Build a criterion; `values` is a `|`-separated string as in criteria.csv."""
    return Criterion(code, mode, parameter, operator, [v for v in values.split("|") if v], low, high, falloff, weight)


def icp_definitions() -> list[Definition]:
    live, draft = "live", "draft"
    rows = [
        ("saas_mid_market", "Mid-market SaaS", live, [
            criterion("software", "filter", "industry", "in", "Software|Internet"),
            criterion("size_band", "score", "employee_count", "band", "201-500|501-2000", weight=25),
            criterion("revenue", "score", "annual_revenue", "between", low=10e6, high=250e6, falloff=0.2, weight=15),
            criterion("crm", "score", "technologies", "any", "Salesforce|HubSpot", weight=20),
            criterion("regions", "score", "company_region", "in", "Americas|Europe", weight=15),
            criterion("funded", "score", "days_since_funding_announced", "within_days", "180", weight=10),
            criterion("not_customer", "exclude", "is_current_customer", "is_true"),
        ]),
        ("smb_saas", "SMB SaaS", live, [
            criterion("software", "filter", "industry", "in", "Software|Internet"),
            criterion("small", "filter", "employee_count", "between", low=11, high=200),
            criterion("early_funding", "score", "funding_stage", "in", "bootstrapped|seed|series_a", weight=20),
            criterion("billing_stack", "score", "technologies", "all", "Stripe|HubSpot", weight=15),
            criterion("countries", "score", "company_country", "in", "US|GB|CA|DE|NL", weight=15),
            criterion("growing", "score", "net_new_headcount", "between", low=1, high=50, falloff=0.2, weight=15),
            criterion("pipeline", "score", "has_past_pipeline", "is_true", weight=10),
            criterion("not_churned", "exclude", "is_churned", "is_true"),
        ]),
        ("enterprise_finserv", "Enterprise FinServ", live, [
            criterion("financial", "filter", "industry", "in", "Financial Services|Banking|Insurance"),
            criterion("enterprise", "score", "employee_count", "band", "2001+", weight=40),
            criterion("large_revenue", "score", "annual_revenue", "band", "1b+", weight=30),
            criterion("data_stack", "score", "technologies", "any", "Snowflake|Salesforce", weight=15),
            criterion("regions", "score", "company_region", "in", "Europe|Americas", weight=15),
            criterion("hiring", "score", "hiring_velocity", "between", low=2, falloff=0.5, weight=10),
        ]),
        ("healthcare", "Healthcare providers", live, [
            criterion("health", "filter", "industry", "in", "Hospital & Health Care|Women's Health"),
            criterion("size", "score", "employee_count", "between", low=50, high=5000, weight=30),
            criterion("countries", "score", "company_country", "in", "US|CA", weight=20),
            criterion("crm", "score", "technologies", "any", "Salesforce|Microsoft Dynamics", weight=20),
            criterion("funded", "score", "days_since_funding_announced", "within_days", "365", weight=10),
            criterion("not_customer", "exclude", "is_current_customer", "is_true"),
        ]),
        ("it_services", "IT services partners", live, [
            criterion("it_services", "filter", "industry", "in", "IT Services"),
            criterion("size_band", "score", "employee_count", "band", "51-200|201-500", weight=25),
            criterion("cloud_stack", "score", "technologies", "all", "Amazon Web Services|Jira", weight=25),
            criterion("sub_regions", "score", "company_sub_region", "in", "Northern Europe|Western Europe|Northern America", weight=20),
            criterion("hiring", "score", "hiring_velocity", "between", low=1, high=10, falloff=0.3, weight=15),
            criterion("private", "score", "funding_stage", "not_in", "public", weight=10),
        ]),
        ("commerce", "Retail and e-commerce", live, [
            criterion("commerce", "filter", "industry", "in", "Retail|Internet"),
            criterion("payments", "score", "technologies", "any", "Stripe|Zendesk", weight=30),
            criterion("revenue", "score", "annual_revenue", "between", low=5e6, high=500e6, weight=25),
            criterion("regions", "score", "company_region", "in", "Americas|Europe|Asia", weight=15),
            criterion("growing", "score", "net_new_headcount", "between", low=10, falloff=0.5, weight=15),
            criterion("not_churned", "exclude", "is_churned", "is_true"),
        ]),
        ("industrial_erp", "Industrial ERP", live, [
            criterion("industrial", "filter", "industry", "in", "Manufacturing|Logistics"),
            criterion("erp", "score", "technologies", "any", "SAP|Microsoft Dynamics|NetSuite ERP", weight=35),
            criterion("size_band", "score", "employee_count", "band", "501-2000|2001+", weight=25),
            criterion("countries", "score", "company_country", "in", "DE|FR|ES|NL|US", weight=20),
            criterion("pipeline", "score", "has_past_pipeline", "is_true", weight=10),
            criterion("not_customer", "exclude", "is_current_customer", "is_true"),
        ]),
        ("growth_startups", "Growth startups", live, [
            criterion("size", "filter", "employee_count", "between", low=11, high=500),
            criterion("venture", "score", "funding_stage", "in", "seed|series_a|series_b", weight=30),
            criterion("hiring", "score", "hiring_velocity", "between", low=3, falloff=0.3, weight=25),
            criterion("funded", "score", "days_since_funding_announced", "within_days", "90", weight=25),
            criterion("collaboration", "score", "technologies", "any", "Slack|Jira", weight=10),
            criterion("not_customer", "exclude", "is_current_customer", "is_true"),
        ]),
        ("public_sector", "Public sector", draft, [
            criterion("public", "filter", "industry", "in", "Government|Education|Nonprofit"),
            criterion("large", "score", "employee_count", "band", "2001+", weight=50),
            criterion("europe", "score", "company_region", "in", "Europe", weight=30),
            criterion("cloud", "score", "technologies", "any", "Microsoft Azure", weight=20),
        ]),
        ("media_telecom", "Media and telecom", draft, [
            criterion("media", "filter", "industry", "in", "Media|Telecommunications"),
            criterion("revenue_band", "score", "annual_revenue", "band", "50m-250m|250m-1b", weight=40),
            criterion("cloud", "score", "technologies", "any", "Google Cloud", weight=30),
            criterion("countries", "score", "company_country", "in", "US|GB", weight=30),
        ]),
    ]
    return [
        Definition(code, code, name, status, priority, criteria)
        for priority, (code, name, status, criteria) in enumerate(rows, start=1)
    ]


def persona_definitions(icp: Definition, icp_number: int) -> list[Definition]:
    """Return the five Personas of one ICP. Thresholds shift with the ICP's number so
    that no two ICPs share a Persona definition."""
    recent = [30, 60, 90][icp_number % 3]
    experience = 5 + icp_number % 4
    regions = ["Americas|Europe", "Europe", "Americas", "Asia|Oceania"][icp_number % 4]
    rows = [
        ("founder", "Founder", [
            criterion("founder_title", "filter", "title", "wildcard", "*founder*|CEO*|Owner"),
            criterion("top_level", "score", "seniority", "at_least", "c_suite", weight=30),
            criterion("experience", "score", "years_of_experience", "between", low=experience, high=30, falloff=0.2, weight=20),
            criterion("replied", "score", "days_since_replied", "within_days", str(recent + 30), weight=20),
            criterion("region", "score", "person_region", "in", regions, weight=15),
            criterion("no_assistants", "exclude", "title", "wildcard", "*assistant*"),
        ]),
        ("sales_leader", "Sales leader", [
            criterion("sales", "filter", "function", "any", "sales|revops"),
            criterion("sales_title", "score", "title", "semantic", "VP Sales|Head of Sales", weight=40),
            criterion("level", "score", "seniority", "at_least", "director", weight=20),
            criterion("tenure", "score", "years_in_current_role", "between", low=0.5, high=4, falloff=0.25, weight=20),
            criterion("engaged", "score", "days_since_engaged", "within_days", str(recent), weight=20),
            criterion("no_juniors", "exclude", "title", "wildcard", "*assistant*|*intern*"),
        ]),
        ("marketing_leader", "Marketing leader", [
            criterion("marketing", "filter", "function", "any", "marketing"),
            criterion("marketing_title", "score", "title", "exact", "VP Marketing|Head of Marketing|Marketing Director|CMO", weight=30),
            criterion("level", "score", "seniority", "at_least", "manager", weight=20),
            criterion("experience", "score", "years_of_experience", "between", low=experience + 3, high=25, weight=20),
            criterion("posted", "score", "days_since_posted", "within_days", str(recent), weight=15),
            criterion("countries", "score", "person_country", "in", "US|GB|DE|FR|CA", weight=15),
        ]),
        ("technical_buyer", "Technical buyer", [
            criterion("manager_up", "filter", "seniority", "at_least", "manager"),
            criterion("tech_title", "score", "title", "semantic", "CTO|VP Engineering|Director of Engineering", weight=35),
            criterion("engineering_data", "score", "function", "all", "engineering|data", weight=10),
            criterion("tech_words", "score", "title", "wildcard", "*engineering*|*data*|*software*", weight=20),
            criterion("experience", "score", "years_of_experience", "between", low=experience + 5, high=35, falloff=0.1, weight=15),
            criterion("engaged", "score", "days_since_engaged", "within_days", str(recent + 60), weight=20),
            criterion("not_sales", "exclude", "function", "any", "sales"),
        ]),
        ("operations_user", "Operations user", [
            criterion("individual", "filter", "seniority", "in", "ic|manager"),
            criterion("operations", "score", "function", "any", "operations|finance|administrative", weight=30),
            criterion("analyst_title", "score", "title", "wildcard", "*analyst*|*specialist*|*coordinator*", weight=30),
            criterion("tenure", "score", "years_in_current_role", "between", low=1, high=5, falloff=0.2, weight=20),
            criterion("engaged", "score", "days_since_engaged", "within_days", str(recent), weight=20),
            criterion("no_interns", "exclude", "title", "wildcard", "*intern*"),
        ]),
    ]
    return [
        Definition(icp.code, code, name, icp.status, priority, criteria, persona_code=code)
        for priority, (code, name, criteria) in enumerate(rows, start=1)
    ]


def workload_definitions() -> tuple[list[Definition], list[Definition]]:
    icps = icp_definitions()
    personas = [persona for number, icp in enumerate(icps) for persona in persona_definitions(icp, number)]
    return icps, personas


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def write_definition_seeds(definitions_dir: Path) -> None:
    """Overwrite icps.csv, personas.csv and criteria.csv in a project's seeds/definitions."""
    icps, personas = workload_definitions()
    with (definitions_dir / "icps.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["icp_code", "icp_name", "status", "priority", "description"])
        for icp in icps:
            writer.writerow([icp.code, icp.name, icp.status, icp.priority, f"Benchmark ICP {icp.name}."])
    with (definitions_dir / "personas.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["icp_code", "persona_code", "persona_name", "status", "priority", "description"])
        for persona in personas:
            writer.writerow([persona.icp_code, persona.code, persona.name, persona.status, persona.priority, f"Benchmark Persona {persona.name}."])
    with (definitions_dir / "criteria.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["icp_code", "persona_code", "criterion_code", "mode", "parameter", "operator", "value",
             "min_value", "max_value", "falloff", "weight", "rationale"]
        )
        for definition in icps + personas:
            for criterion in definition.criteria:
                writer.writerow([
                    definition.icp_code,
                    definition.persona_code or "",
                    criterion.code,
                    criterion.mode,
                    criterion.parameter,
                    criterion.operator,
                    "|".join(criterion.values),
                    format_number(criterion.min_value),
                    format_number(criterion.max_value),
                    format_number(criterion.falloff),
                    format_number(criterion.weight),
                    "Benchmark workload.",
                ])


def read_bands(bands_path: Path) -> dict[tuple[str, str], tuple[float, float | None]]:
    """Return {(band_set, band_code): (min, max or None)} from the bands seed."""
    with bands_path.open(newline="", encoding="utf-8") as handle:
        return {
            (row["band_set"], row["band_code"]): (float(row["min_value"]), float(row["max_value"]) if row["max_value"] else None)
            for row in csv.DictReader(handle)
        }


# --- Title patterns ----------------------------------------------------------------------


def title_key(text: str) -> str:
    return title_rules_reference.classify(text)["title_key"]


def title_signature(text: str) -> str:
    """Return the role signature of a title, in the form int_titles__classified stores."""
    result = title_rules_reference.classify(text)
    functions = "".join(f"|{name}|" for name in result["functions"])
    flags = "".join(f"|{flag[3:]}|" for flag in title_rules_reference.FLAG_COLUMNS if result[flag])
    return f"{result['seniority']}:{functions}:{flags}"


def wildcard_like(pattern: str) -> str:
    """Return the LIKE pattern of a wildcard title: word keys of the parts joined by %."""
    return "%".join(title_key(part) if part.strip() else "" for part in pattern.split("*"))


def like_to_regex(like: str) -> str:
    return ".*".join(re.escape(part) for part in like.split("%"))


def list_item(value: str) -> str:
    """Return the key a list criterion looks for: lower-case words between pipes."""
    return "|" + " ".join(value.lower().split()) + "|"


# --- Criteria as DuckDB SQL --------------------------------------------------------------


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def falloff_bounds(criterion: Criterion) -> tuple[float | None, float | None]:
    falloff = DEFAULT_FALLOFF if criterion.falloff is None else criterion.falloff
    low = None if criterion.min_value is None else criterion.min_value - abs(criterion.min_value) * falloff
    high = None if criterion.max_value is None else criterion.max_value + abs(criterion.max_value) * falloff
    return low, high


def uses_falloff(criterion: Criterion) -> bool:
    falloff = DEFAULT_FALLOFF if criterion.falloff is None else criterion.falloff
    return criterion.operator == "between" and criterion.mode == "score" and falloff > 0


def sql_strength(criterion: Criterion, bands) -> str:
    """Render a criterion's match strength as a DuckDB expression over feature columns."""
    column = criterion.column
    operator = criterion.operator
    values = criterion.values
    partial = None
    if criterion.kind == "list" and criterion.parameter == "technologies":
        # Technologies arrive as one boolean column per named technology (see
        # technology_flag_column); the column `technologies` is NULL without any.
        checks = [technology_flag_column(value) for value in values]
        condition = "(" + (" and " if operator == "all" else " or ").join(checks) + ")"
        if operator == "none":
            condition = "not " + condition
    elif criterion.kind == "list":
        checks = [f"position({quote(list_item(value))} in {column}) > 0" for value in values]
        condition = "(" + (" and " if operator == "all" else " or ").join(checks) + ")"
        if operator == "none":
            condition = "not " + condition
    elif operator in ("in", "not_in") and criterion.kind == "seniority":
        condition = f"{column} in ({', '.join(quote(v) for v in values)})"
    elif operator in ("in", "not_in"):
        negation = "not " if operator == "not_in" else ""
        condition = f"lower({column}) {negation}in ({', '.join(quote(v.lower()) for v in values)})"
    elif operator in ("at_least", "at_most"):
        rank = SENIORITY_LADDER.index(values[0])
        ranks = " ".join(f"when {quote(level)} then {number}" for number, level in enumerate(SENIORITY_LADDER))
        condition = f"(case {column} {ranks} end) {'>=' if operator == 'at_least' else '<='} {rank}"
    elif operator == "exact":
        condition = f"{column} in ({', '.join(quote(title_key(v)) for v in values)})"
    elif operator == "wildcard":
        condition = "(" + " or ".join(f"{column} like {quote(wildcard_like(v))}" for v in values) + ")"
    elif operator == "semantic":
        column = "title_signature"
        condition = f"{column} in ({', '.join(quote(title_signature(v)) for v in values)})"
    elif operator == "is_true":
        condition = column
    elif operator == "is_false":
        condition = f"not {column}"
    elif operator == "within_days":
        condition = f"{column} <= {int(values[0])}"
    elif operator == "band":
        ranges = []
        for value in values:
            low, high = bands[(criterion.parameter, value)]
            ranges.append(f"{column} >= {low}" if high is None else f"{column} between {low} and {high}")
        condition = "(" + " or ".join(ranges) + ")"
    elif operator == "between":
        inside = []
        if criterion.min_value is not None:
            inside.append(f"{column} >= {criterion.min_value!r}")
        if criterion.max_value is not None:
            inside.append(f"{column} <= {criterion.max_value!r}")
        condition = " and ".join(inside)
        if uses_falloff(criterion):
            low, high = falloff_bounds(criterion)
            near = [f"{column} >= {low!r}"] if low is not None else []
            near += [f"{column} <= {high!r}"] if high is not None else []
            partial = " and ".join(near)
    else:
        raise ValueError(f"operator {operator!r} has no SQL form in the benchmark")
    partial_branch = f" when {partial} then {FALLOFF_STRENGTH}" if partial else ""
    return f"case when {column} is null then null when {condition} then 1.0{partial_branch} else 0.0 end"


def technology_flag_column(value: str) -> str:
    """Return the name of the boolean feature column 'the company uses this technology'."""
    return "uses_" + "".join(ch if ch.isalnum() else "_" for ch in value.lower())


def technology_values(definitions: list[Definition]) -> list[str]:
    return sorted({v for d in definitions for k in d.criteria if k.parameter == "technologies" for v in k.values})


# --- Criteria on pandas ------------------------------------------------------------------


def pandas_strength(criterion: Criterion, frame: pd.DataFrame, bands) -> pd.Series:
    """Compute a criterion's match strength on a DataFrame of feature columns: NaN when unknown."""
    operator = criterion.operator
    values = criterion.values
    column = "title_signature" if operator == "semantic" else criterion.column
    series = frame[column]
    known = series.notna()
    partial = None
    if criterion.kind == "list":
        checks = [series.str.contains(list_item(value), regex=False).fillna(False) for value in values]
        combined = np.logical_and.reduce(checks) if operator == "all" else np.logical_or.reduce(checks)
        condition = ~combined if operator == "none" else combined
    elif operator in ("in", "not_in") and criterion.kind == "seniority":
        condition = series.isin(values)
    elif operator in ("in", "not_in"):
        condition = series.str.lower().isin([v.lower() for v in values])
        if operator == "not_in":
            condition = ~condition
    elif operator in ("at_least", "at_most"):
        rank = series.map({level: number for number, level in enumerate(SENIORITY_LADDER)})
        target = SENIORITY_LADDER.index(values[0])
        condition = rank >= target if operator == "at_least" else rank <= target
    elif operator == "exact":
        condition = series.isin([title_key(v) for v in values])
    elif operator == "wildcard":
        regex = "|".join(f"(?:{like_to_regex(wildcard_like(v))})" for v in values)
        condition = series.str.fullmatch(regex).fillna(False)
    elif operator == "semantic":
        condition = series.isin([title_signature(v) for v in values])
    elif operator == "is_true":
        condition = series.fillna(False).astype(bool)
    elif operator == "is_false":
        condition = ~series.fillna(True).astype(bool)
    elif operator == "within_days":
        condition = series <= int(values[0])
    elif operator == "band":
        condition = pd.Series(False, index=frame.index)
        for value in values:
            low, high = bands[(criterion.parameter, value)]
            condition |= (series >= low) if high is None else series.between(low, high)
    elif operator == "between":
        condition = pd.Series(True, index=frame.index)
        if criterion.min_value is not None:
            condition &= series >= criterion.min_value
        if criterion.max_value is not None:
            condition &= series <= criterion.max_value
        if uses_falloff(criterion):
            low, high = falloff_bounds(criterion)
            partial = pd.Series(True, index=frame.index)
            if low is not None:
                partial &= series >= low
            if high is not None:
                partial &= series <= high
    else:
        raise ValueError(f"operator {operator!r} has no pandas form in the benchmark")
    strength = np.where(np.asarray(condition, dtype=bool), 1.0, 0.0)
    if partial is not None:
        strength = np.where((strength == 0.0) & np.asarray(partial, dtype=bool), FALLOFF_STRENGTH, strength)
    return pd.Series(np.where(np.asarray(known, dtype=bool), strength, np.nan), index=frame.index)
