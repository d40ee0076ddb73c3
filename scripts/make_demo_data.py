"""Write the synthetic demo data that the project runs on out of the box.

The six CSV files match the `gtm` source tables column for column: companies,
company_technologies, people, opportunities, signals and enrichment_answers. Company
names, domains and all ids are made up here. Vocabularies come from openly licensed
tables in the data folder:

* job titles from O*NET (CC BY 4.0): Sample of Reported Titles and Alternate Titles,
  limited to SOC major groups 11, 13, 15, 17, 27, 41 and 43;
* a few technology names from O*NET Technology Skills;
* country names from ISO-3166-Countries-with-Regional-Codes (CC BY-SA 4.0).

The data is messy on purpose, so that staging has something to clean: countries and
domains come in mixed forms, some employee counts are text such as `1,200`, some values
are blank, a few people point at no company or at a company that does not exist, and
three people rows repeat an existing person_id.

Every value is drawn from one `random.Random(20261204)` in a fixed order, so rerunning
the script with the same arguments and data writes byte-identical files.

Usage: python scripts/make_demo_data.py [--data-dir DIR] [--out DIR] [--companies N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT_DIR = REPO_ROOT / "seeds" / "demo"
SEED = 20261204

# Column order of each output file. It must match models/staging/_staging__sources.yml.
COLUMNS = {
    "companies": [
        "company_id",
        "company_name",
        "domain",
        "industry",
        "employee_count",
        "annual_revenue",
        "revenue_currency",
        "country",
        "funding_stage",
        "open_roles",
        "net_new_headcount_12m",
        "customer_status",
    ],
    "company_technologies": ["company_id", "technology", "category"],
    "people": [
        "person_id",
        "company_id",
        "title",
        "country",
        "years_of_experience",
        "years_in_current_role",
    ],
    "opportunities": ["opportunity_id", "company_id", "stage", "amount", "created_at", "closed_at"],
    "signals": ["signal_id", "company_id", "person_id", "signal_type", "occurred_at", "source_category"],
    "enrichment_answers": ["person_id", "question_code", "answer", "answered_at"],
}

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"

# --- Companies ---------------------------------------------------------------------------

# Industry vocabulary of the project, with the share of companies in each. Software and
# Internet make about 40 %, Financial Services, Banking and Insurance about 12 %.
INDUSTRY_WEIGHTS = {
    "Software": 25.0,
    "Internet": 15.0,
    "IT Services": 7.0,
    "Financial Services": 6.0,
    "Banking": 3.0,
    "Insurance": 3.0,
    "Hospital & Health Care": 5.0,
    "Women's Health": 1.5,
    "Retail": 5.0,
    "Manufacturing": 6.0,
    "Logistics": 4.0,
    "Education": 4.0,
    "Media": 3.5,
    "Telecommunications": 3.0,
    "Real Estate": 3.0,
    "Energy": 2.5,
    "Government": 1.5,
    "Nonprofit": 2.0,
}

# Typical annual revenue per employee in USD, the centre of a log-normal draw.
REVENUE_PER_EMPLOYEE_USD = {
    "Software": 180_000,
    "Internet": 220_000,
    "IT Services": 120_000,
    "Financial Services": 300_000,
    "Banking": 350_000,
    "Insurance": 400_000,
    "Hospital & Health Care": 110_000,
    "Women's Health": 120_000,
    "Retail": 200_000,
    "Manufacturing": 250_000,
    "Logistics": 180_000,
    "Education": 80_000,
    "Media": 150_000,
    "Telecommunications": 400_000,
    "Real Estate": 300_000,
    "Energy": 600_000,
    "Government": 100_000,
    "Nonprofit": 70_000,
}

# Word lists for synthetic company names such as "Cedar Analytics", "Cedarwren",
# "Cedar & Wren" or "Cedar Wren Analytics". Words that are famous brands on their own are
# left out.
NAME_LEAD_WORDS = [
    "Alder", "Amber", "Anchor", "Arbor", "Aspen", "Aurora", "Basalt", "Beacon", "Birch",
    "Bluebell", "Bramble", "Bright", "Brook", "Canyon", "Cedar", "Cinder", "Clover",
    "Cobalt", "Copper", "Coral", "Crescent", "Cypress", "Dune", "Ember", "Evergreen",
    "Falcon", "Fern", "Fjord", "Flint", "Garnet", "Glacier", "Granite", "Harbor",
    "Hazel", "Heron", "Hollow", "Indigo", "Iron", "Ivy", "Jasper", "Juniper", "Kestrel",
    "Lantern", "Larch", "Lark", "Linden", "Lumen", "Maple", "Marble", "Marlin", "Meadow",
    "Mica", "Mistral", "Moss", "Nimbus", "North", "Oakridge", "Ochre", "Onyx", "Opal",
    "Osprey", "Pebble", "Pine", "Plover", "Prism", "Quarry", "Quartz", "Quill", "Raven",
    "Redwood", "Ridge", "Rowan", "Saffron", "Sage", "Sable", "Sequoia", "Silver", "Slate",
    "Sorrel", "Spruce", "Stone", "Tamarack", "Teal", "Thistle", "Tidal", "Timber",
    "Topaz", "Tundra", "Umber", "Vale", "Velvet", "Willow", "Wren", "Yarrow", "Zephyr",
]

NAME_INDUSTRY_WORDS = {
    "Software": ["Labs", "Software", "Systems", "Cloud", "Data", "AI", "Analytics", "Logic", "Stack", "Works"],
    "Internet": ["Digital", "Online", "Web", "Apps", "Connect", "Hub", "Social", "Commerce"],
    "IT Services": ["Consulting", "IT Solutions", "Technologies", "Services", "Integration", "Tech"],
    "Financial Services": ["Capital", "Finance", "Payments", "Partners", "Advisors", "Wealth"],
    "Banking": ["Bank", "Savings Bank", "Trust", "Credit Union"],
    "Insurance": ["Insurance", "Assurance", "Mutual", "Underwriters"],
    "Hospital & Health Care": ["Health", "Medical", "Care", "Clinics", "Hospital Group"],
    "Women's Health": ["Women's Health", "Fertility", "Maternity Care", "Femcare"],
    "Retail": ["Goods", "Market", "Outfitters", "Stores", "Supply"],
    "Manufacturing": ["Industries", "Manufacturing", "Components", "Fabrication", "Tools"],
    "Logistics": ["Logistics", "Freight", "Shipping", "Transport", "Cargo"],
    "Education": ["Academy", "Learning", "Education", "Institute"],
    "Media": ["Media", "Studios", "Press", "Publishing", "Pictures"],
    "Telecommunications": ["Telecom", "Networks", "Communications", "Mobile"],
    "Real Estate": ["Properties", "Realty", "Estates", "Homes"],
    "Energy": ["Energy", "Power", "Solar", "Renewables", "Grid"],
    "Government": ["County Council", "Public Works Agency", "Transit Authority", "Water Board"],
    "Nonprofit": ["Foundation", "Alliance", "Fund", "Trust for Children"],
}

# Legal forms appended to some company names, by headquarters country.
LEGAL_FORMS = {
    "US": ["Inc.", "LLC", "Corp."],
    "CA": ["Inc.", "Ltd."],
    "GB": ["Ltd", "Limited", "plc"],
    "DE": ["GmbH", "AG"],
    "FR": ["SAS", "SA"],
    "ES": ["S.L.", "S.A."],
    "NL": ["B.V.", "N.V."],
    "AU": ["Pty Ltd"],
    "IN": ["Pvt Ltd"],
    "BR": ["Ltda."],
}

# Top-level domains by headquarters country. Other countries use the generic ones.
COUNTRY_TLDS = {
    "US": ["com", "com", "io", "ai"],
    "CA": ["ca", "com"],
    "GB": ["co.uk", "com", "io"],
    "DE": ["de", "de", "com"],
    "FR": ["fr", "com"],
    "ES": ["es", "com"],
    "NL": ["nl", "com"],
    "AU": ["com.au", "com"],
    "IN": ["in", "co.in", "com"],
    "BR": ["com.br", "com"],
}
GENERIC_TLDS = ["com", "com", "io", "co", "net"]
URL_PATHS = ["/", "/about", "/en", "/en-us/", "/home", "/contact"]

# Share of companies by headquarters country. The rest come from OTHER_COUNTRIES or,
# rarely, from any ISO country.
MAIN_COUNTRY_WEIGHTS = {
    "US": 44.0,
    "GB": 10.0,
    "DE": 7.0,
    "FR": 5.0,
    "CA": 5.0,
    "IN": 4.0,
    "ES": 3.0,
    "NL": 3.0,
    "AU": 3.0,
    "BR": 3.0,
}
OTHER_COUNTRIES = [
    "AE", "AR", "AT", "BE", "CH", "CL", "CO", "CZ", "DK", "EE", "FI", "IE", "IL", "IT",
    "JP", "KE", "KR", "MX", "NG", "NO", "NZ", "PL", "PT", "RO", "SE", "SG", "TR", "TW",
    "UA", "VN", "ZA",
]
EURO_COUNTRIES = {"AT", "BE", "DE", "EE", "ES", "FI", "FR", "IE", "IT", "NL", "PT"}
NAMIBIA = "NA"
NAMIBIA_COMPANIES = 4

# Employee counts at the edges of the usual size bands, each given to two companies.
BAND_EDGES = [10, 11, 50, 51, 200, 201, 500, 501, 2000, 2001]

# English names used where they differ from the ISO short name or read more naturally.
ENGLISH_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "NL": "Netherlands",
    "KR": "South Korea",
    "TW": "Taiwan",
    "TR": "Turkey",
    "VN": "Vietnam",
    "CZ": "Czech Republic",
}

# Aliases written in place of a name. Countries missing here use their English name.
COUNTRY_ALIASES = {
    "US": ["USA", "U.S.", "United States of America", "U.S.A."],
    "GB": ["UK", "England", "Great Britain"],
    "DE": ["Deutschland"],
    "ES": ["España"],
    "NL": ["The Netherlands", "Holland"],
    "BR": ["Brasil"],
}

# USD value of one unit of each currency, copied from seeds/reference/currency_rates.csv
# (rates of 2026-11-30), so that converting a revenue back to USD restores its size.
USD_PER_UNIT = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}

# --- Technologies ------------------------------------------------------------------------

# Go-to-market technologies with a category and a popularity weight.
CORE_TECHNOLOGIES = [
    ("Salesforce", "crm", 30),
    ("HubSpot", "crm", 28),
    ("Pipedrive", "crm", 8),
    ("Stripe", "payments", 15),
    ("Snowflake", "data_warehouse", 12),
    ("Segment", "cdp", 9),
    ("Marketo", "marketing_automation", 8),
    ("Outreach", "sales_engagement", 9),
    ("Zendesk", "customer_support", 14),
    ("Amazon Web Services", "cloud", 30),
    ("Google Cloud", "cloud", 14),
    ("Microsoft Azure", "cloud", 14),
    ("Slack", "collaboration", 35),
    ("Jira", "project_management", 25),
    ("Intercom", "customer_support", 9),
    ("Gong", "conversation_intelligence", 6),
]

# Number of technologies of a company that has any (about 10 % have none).
TECHNOLOGY_COUNT_WEIGHTS = {"1": 8, "2": 14, "3": 18, "4": 18, "5": 15, "6": 12, "7": 8, "8": 5}

# Further products, spelled as in O*NET Technology Skills and checked against it at run
# time, with the category implied by their O*NET commodity title.
ONET_TECHNOLOGIES = [
    ("SAP", "erp", 6),
    ("Microsoft Dynamics", "erp", 5),
    ("NetSuite ERP", "erp", 4),
    ("Oracle PeopleSoft", "erp", 2),
    ("Intuit QuickBooks", "accounting", 6),
    ("Tableau", "analytics", 6),
    ("MicroStrategy", "analytics", 2),
    ("Qlik Tech QlikView", "analytics", 2),
    ("Teradata Database", "database", 2),
    ("MySQL", "database", 5),
    ("MongoDB", "database", 4),
    ("Elasticsearch", "database", 3),
]

# --- People ------------------------------------------------------------------------------

ONET_MAJOR_GROUPS = ("11", "13", "15", "17", "27", "41", "43")

# Go-to-market titles as people write them, with their usual variants.
GTM_TITLES = [
    "Founder", "Co-Founder", "Co-founder & CEO", "Founder & CEO", "CEO",
    "Chief Executive Officer", "Owner", "President", "Managing Director", "Partner",
    "COO", "CFO", "Chief Revenue Officer", "CRO", "CMO", "Chief Marketing Officer",
    "VP Sales", "VP of Sales", "Vice President, Sales", "Vice President of Sales",
    "SVP Sales", "Sales VP", "V.P. Sales", "vp sales", "Head of Sales", "Head of Sales EMEA",
    "Director of Sales", "Sales Director", "Dir. of Sales", "Regional Sales Director",
    "Sales Manager", "International Sales Manager", "Account Executive",
    "Senior Account Executive", "Sr. Account Executive", "Enterprise Account Executive",
    "Account Manager", "Sales Development Representative", "SDR",
    "Business Development Representative", "Business Development Manager",
    "Revenue Operations Manager", "Sales Operations Manager", "Head of RevOps",
    "Customer Success Manager", "Head of Customer Success", "VP Marketing",
    "VP of Marketing", "Head of Marketing", "Head of Growth", "Growth Marketing Manager",
    "Demand Generation Manager", "Digital Marketing Manager", "Marketing Manager",
    "Marketing Coordinator", "Product Marketing Manager", "CTO", "CTO & Co-founder",
    "VP Engineering", "VP of Engineering", "Director of Engineering", "Engineering Manager",
    "Software Engineer", "Senior Software Engineer", "Data Engineer", "Head of Data",
    "Product Manager", "Product Owner", "Head of Product", "Assistant to the VP of Sales",
    "Executive Assistant", "Sales Intern",
]

# Titles in the language of the person's country, used for some people there.
LOCAL_TITLES = {
    "DE": ["Geschäftsführer", "Geschäftsführerin", "Vertriebsleiter", "Leiter Vertrieb", "Marketingleiterin"],
    "FR": ["Directeur commercial", "Directrice marketing", "Responsable commercial", "Président"],
    "ES": ["Director de ventas", "Jefa de marketing", "Director general", "Gerente comercial"],
    "BR": ["Diretor comercial", "Gerente de vendas", "Diretora de marketing"],
}

# Go-to-market titles that some people write with their employer's name.
TITLES_WITH_EMPLOYER = ["VP Sales", "Head of Growth", "Founder", "Account Executive", "Head of Marketing", "CEO"]
EMPLOYER_SEPARATORS = [" @ ", " at ", " | "]

PEOPLE_MAX_PER_COMPANY = 30
DUPLICATE_PERSON_ROWS = 3
MIN_NAMIBIA_PEOPLE = 5

# --- Opportunities, signals and answers ----------------------------------------------------

OPPORTUNITY_START = dt.datetime(2024, 1, 1)
OPPORTUNITY_END = dt.datetime(2026, 11, 30, 23, 59, 59)
SIGNAL_START = dt.datetime(2026, 1, 1)
SIGNAL_END = dt.datetime(2026, 11, 30, 23, 59, 59)
ANSWER_START = dt.datetime(2026, 6, 1)
ANSWER_END = dt.datetime(2026, 11, 30, 23, 59, 59)

# Person-level signal types with their share of person-level signals.
PERSON_SIGNAL_WEIGHTS = {"posted": 35, "engaged": 50, "replied": 15}
# Source categories by signal type, with weights.
SIGNAL_SOURCES = {
    "posted": {"third_party": 1},
    "engaged": {"first_party": 6, "third_party": 4},
    "replied": {"first_party": 1},
    "website_visit": {"first_party": 6, "intent": 4},
    "hiring_surge": {"third_party": 1},
    "funding_announced": {"third_party": 1},
}
UNKNOWN_PERSON_SIGNALS = 3


@dataclass
class Company:
    """A generated company: its true traits and, once filled, its row as written."""

    company_id: str
    base_name: str  # the name without legal form, also used in people's titles
    slug: str  # the domain label, unique across companies
    industry: str
    country_code: str  # empty when the company's country is blank
    employees: int  # the true size, while the written employee_count may be blank or text
    growth: float  # headcount growth over 12 months, as a share of the headcount a year ago
    customer_status: str
    funding_stage: str = ""
    open_roles: int = 0
    has_outbound_team: bool = False
    row: dict[str, str] = field(default_factory=dict)


@dataclass
class Person:
    person_id: str
    company: Company | None
    row: dict[str, str] = field(default_factory=dict)


# --- Helpers -------------------------------------------------------------------------------


def weighted_choice(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def log_uniform_int(rng: random.Random, low: int, high: int) -> int:
    return int(round(math.exp(rng.uniform(math.log(low), math.log(high)))))


def poisson(rng: random.Random, mean: float) -> int:
    """Draw a Poisson-distributed count with Knuth's method.

    The method is exact while exp(-mean) does not underflow, which holds for means below
    about 700. Its run time grows with the mean, and the means drawn here stay small.
    """
    threshold = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def random_timestamp(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    seconds = int((end - start).total_seconds())
    return start + dt.timedelta(seconds=rng.randint(0, seconds))


def format_timestamp(value: dt.datetime | None) -> str:
    return value.strftime(TIMESTAMP_FORMAT) if value else ""


def with_thousands_separators(value: int) -> str:
    return f"{value:,}"


def round_significant(value: float, digits: int) -> int:
    if value <= 0:
        return 0
    magnitude = int(math.floor(math.log10(value))) - digits + 1
    return int(round(value / 10**magnitude) * 10**magnitude)


def format_years(value: float, whole: bool) -> str:
    return str(int(round(value))) if whole else f"{value:.1f}"


# --- Source vocabularies -------------------------------------------------------------------


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise SystemExit(f"error: input file not found: {path}. Pass --data-dir with the data folder.")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_onet_titles(data_dir: Path) -> tuple[list[str], list[str]]:
    """Return the sorted reported titles and alternate titles of the chosen SOC groups."""
    folder = data_dir / "onet-titles"
    reported = {
        row["Reported Job Title"].strip()
        for row in read_tsv(folder / "sample_of_reported_titles.tsv")
        if row["O*NET-SOC Code"][:2] in ONET_MAJOR_GROUPS
    }
    alternate = {
        row["Alternate Title"].strip()
        for row in read_tsv(folder / "alternate_titles.tsv.gz")
        if row["O*NET-SOC Code"][:2] in ONET_MAJOR_GROUPS
    }
    reported.discard("")
    alternate.discard("")
    if not reported or not alternate:
        raise SystemExit(f"error: no O*NET titles found in {folder}")
    return sorted(reported), sorted(alternate)


def check_onet_technologies(data_dir: Path) -> None:
    """Raise unless every name in ONET_TECHNOLOGIES is an O*NET Technology Skills example."""
    examples = {row["Example"] for row in read_tsv(data_dir / "onet-titles" / "technology_skills.tsv.gz")}
    missing = [name for name, _, _ in ONET_TECHNOLOGIES if name not in examples]
    if missing:
        raise SystemExit(f"error: technologies not found in O*NET Technology Skills: {missing}")


def load_country_names(data_dir: Path) -> dict[str, tuple[str, str]]:
    """Return {alpha-2: (ISO short name, alpha-3)} from the ISO 3166 table."""
    path = data_dir / "iso-countries" / "iso3166_all.csv"
    if not path.is_file():
        raise SystemExit(f"error: input file not found: {path}. Pass --data-dir with the data folder.")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["alpha-2"]: (row["name"], row["alpha-3"]) for row in csv.DictReader(handle)}


# --- Countries -------------------------------------------------------------------------------


def write_country(rng: random.Random, code: str, country_names: dict[str, tuple[str, str]]) -> str:
    """Write a country code the way a CRM might hold it: code, name, alias, odd case or spaces."""
    if not code:
        return ""
    if code == NAMIBIA:
        # Namibia is always written as its code `NA`, which some CSV readers (pandas by
        # default) turn into a null.
        return NAMIBIA

    iso_name, alpha3 = country_names[code]
    english_name = ENGLISH_NAMES.get(code, iso_name)
    draw = rng.random()
    if draw < 0.42:
        text = code
    elif draw < 0.75:
        text = english_name
    elif draw < 0.95:
        text = rng.choice(COUNTRY_ALIASES.get(code, [english_name]))
    else:
        text = alpha3

    if rng.random() < 0.08:
        text = text.lower()
    if rng.random() < 0.04:
        text = rng.choice([" ", "  "]) + text + rng.choice(["", " ", "  "])
    return text


def draw_country_code(rng: random.Random, country_names: dict[str, tuple[str, str]]) -> str:
    draw = rng.random()
    if draw < 0.015:
        return ""
    if draw < 0.885:
        return weighted_choice(rng, MAIN_COUNTRY_WEIGHTS)
    if draw < 0.985:
        return rng.choice(OTHER_COUNTRIES)
    return rng.choice(sorted(code for code in country_names if code != NAMIBIA))


# --- Companies -------------------------------------------------------------------------------


def make_company_name(rng: random.Random, industry: str, used_slugs: set[str]) -> tuple[str, str]:
    """Return a new (name, domain slug) pair whose slug no other company has."""
    for _ in range(1000):
        lead = rng.choice(NAME_LEAD_WORDS)
        second = rng.choice(NAME_LEAD_WORDS)
        industry_word = rng.choice(NAME_INDUSTRY_WORDS[industry])
        if second == lead:
            continue
        pattern = rng.random()
        if pattern < 0.50:
            name = f"{lead} {industry_word}"
        elif pattern < 0.65:
            name = f"{lead}{second.lower()}"
        elif pattern < 0.80:
            name = f"{lead} & {second}"
        else:
            name = f"{lead} {second} {industry_word}"
        slug = "".join(char for char in name.lower() if char.isalnum())
        if slug not in used_slugs:
            used_slugs.add(slug)
            return name, slug
    raise RuntimeError(f"failed to find an unused company name for {industry!r} in 1000 draws; lower --companies")


def write_domain(rng: random.Random, slug: str, country_code: str) -> str:
    if rng.random() < 0.03:
        return ""
    tld = rng.choice(COUNTRY_TLDS.get(country_code, GENERIC_TLDS))
    host = f"{slug}.{tld}"
    draw = rng.random()
    if draw < 0.45:
        return host
    if draw < 0.65:
        return f"https://www.{host}/"
    if draw < 0.75:
        return f"www.{host}".upper()
    if draw < 0.85:
        return f"http://{slug}.io{rng.choice(URL_PATHS)}"
    if draw < 0.93:
        return f"www.{host}"
    return f"https://{host}"


def draw_employees(rng: random.Random) -> int:
    draw = rng.random()
    if draw < 0.08:
        return rng.randint(1, 10)
    if draw < 0.80:
        return log_uniform_int(rng, 11, 2000)
    if draw < 0.94:
        return log_uniform_int(rng, 2001, 10_000)
    return log_uniform_int(rng, 10_001, 50_000)


def draw_funding_stage(rng: random.Random, industry: str, employees: int) -> str:
    if industry in ("Government", "Nonprofit") or rng.random() < 0.03:
        return ""
    if employees <= 10:
        weights = {"bootstrapped": 5, "seed": 5}
    elif employees <= 50:
        weights = {"bootstrapped": 3, "seed": 4, "series_a": 3}
    elif employees <= 200:
        weights = {"bootstrapped": 2, "seed": 1, "series_a": 4, "series_b": 3}
    elif employees <= 1000:
        weights = {"bootstrapped": 1, "series_b": 3, "series_c": 3, "series_d_plus": 2, "private_equity": 1}
    elif employees <= 5000:
        weights = {"series_c": 2, "series_d_plus": 3, "public": 3, "private_equity": 2}
    else:
        weights = {"series_d_plus": 1, "public": 6, "private_equity": 2}
    return weighted_choice(rng, weights)


def write_revenue(rng: random.Random, company: Company) -> tuple[str, str]:
    """Return (annual_revenue, revenue_currency) as written, roughly proportional to size."""
    if rng.random() < 0.02:
        return "", ""
    revenue_usd = company.employees * REVENUE_PER_EMPLOYEE_USD[company.industry] * rng.lognormvariate(0.0, 0.5)

    currency = "USD"
    if company.country_code == "GB" and rng.random() < 0.2:
        currency = "GBP"
    elif company.country_code in EURO_COUNTRIES and rng.random() < 0.2:
        currency = "EUR"
    amount = round_significant(revenue_usd / USD_PER_UNIT[currency], 3)

    if currency == "USD" and rng.random() < 0.2:
        currency = ""  # blank means USD
    text = with_thousands_separators(amount) if rng.random() < 0.04 else str(amount)
    return text, currency


def write_employee_count(rng: random.Random, employees: int) -> str:
    if rng.random() < 0.015:
        return ""
    if employees >= 1000 and rng.random() < 0.25:
        return with_thousands_separators(employees)
    return str(employees)


def generate_companies(
    rng: random.Random, count: int, country_names: dict[str, tuple[str, str]]
) -> list[Company]:
    used_slugs: set[str] = set()
    companies = []
    for index in range(1, count + 1):
        industry = weighted_choice(rng, INDUSTRY_WEIGHTS)
        base_name, slug = make_company_name(rng, industry, used_slugs)
        companies.append(
            Company(
                company_id=f"c_{index:06d}",
                base_name=base_name,
                slug=slug,
                industry=industry,
                country_code=draw_country_code(rng, country_names),
                employees=draw_employees(rng),
                growth=min(max(rng.gauss(0.08, 0.15), -0.4), 1.0),
                customer_status=weighted_choice(rng, {"customer": 8, "churned": 4, "prospect": 70, "": 18}),
            )
        )

    place_fixed_values(rng, companies)

    # Traits that depend on size are drawn after the band edges are in place.
    for company in companies:
        company.funding_stage = draw_funding_stage(rng, company.industry, company.employees)
        company.open_roles = int(round(company.employees * max(company.growth, 0.0) * rng.uniform(0.05, 0.4)))
        outbound_odds = 0.25 + 0.1 * math.log10(company.employees)
        if company.industry in ("Software", "Internet"):
            outbound_odds += 0.2
        company.has_outbound_team = rng.random() < outbound_odds
        fill_company_row(rng, company, country_names)
    return companies


def place_fixed_values(rng: random.Random, companies: list[Company]) -> None:
    """Put exact employee band edges and Namibian headquarters on a few random companies."""
    picked = rng.sample(range(len(companies)), 2 * len(BAND_EDGES) + NAMIBIA_COMPANIES)
    for position, edge in enumerate(BAND_EDGES * 2):
        companies[picked[position]].employees = edge
    for position in picked[2 * len(BAND_EDGES):]:
        companies[position].country_code = NAMIBIA


def fill_company_row(rng: random.Random, company: Company, country_names: dict[str, tuple[str, str]]) -> None:
    name = company.base_name
    legal_forms = LEGAL_FORMS.get(company.country_code)
    if legal_forms and company.industry not in ("Government", "Nonprofit") and rng.random() < 0.45:
        name = f"{name} {rng.choice(legal_forms)}"

    industry = company.industry
    draw = rng.random()
    if draw < 0.01:
        industry = ""
    elif draw < 0.03:
        industry = industry.lower()

    revenue, currency = write_revenue(rng, company)
    headcount_change = int(round(company.employees * company.growth / (1 + company.growth)))
    company.row = {
        "company_id": company.company_id,
        "company_name": name,
        "domain": write_domain(rng, company.slug, company.country_code),
        "industry": industry,
        "employee_count": write_employee_count(rng, company.employees),
        "annual_revenue": revenue,
        "revenue_currency": currency,
        "country": write_country(rng, company.country_code, country_names),
        "funding_stage": company.funding_stage,
        "open_roles": "" if rng.random() < 0.02 else str(company.open_roles),
        "net_new_headcount_12m": "" if rng.random() < 0.02 else str(headcount_change),
        "customer_status": company.customer_status,
    }


# --- Company technologies --------------------------------------------------------------------


def generate_technologies(rng: random.Random, companies: list[Company]) -> list[dict[str, str]]:
    catalogue = CORE_TECHNOLOGIES + ONET_TECHNOLOGIES
    names = [name for name, _, _ in catalogue]
    weights = [weight for _, _, weight in catalogue]
    categories = {name: category for name, category, _ in catalogue}

    rows = []
    for company in companies:
        if rng.random() < 0.10:
            continue
        technology_count = int(weighted_choice(rng, TECHNOLOGY_COUNT_WEIGHTS))
        chosen: list[str] = []
        while len(chosen) < technology_count:
            name = rng.choices(names, weights=weights)[0]
            if name not in chosen:
                chosen.append(name)
        for name in chosen:
            written = name
            draw = rng.random()
            if draw < 0.007:
                written = name.lower()
            elif draw < 0.01:
                written = name.upper()
            category = "" if rng.random() < 0.05 else categories[name]
            rows.append({"company_id": company.company_id, "technology": written, "category": category})
    return rows


# --- People ------------------------------------------------------------------------------------


def draw_title(
    rng: random.Random,
    company: Company | None,
    country_code: str,
    onet_titles: tuple[list[str], list[str]],
) -> str:
    draw = rng.random()
    if draw < 0.01:
        return ""
    if draw < 0.70:
        reported, alternate = onet_titles
        return rng.choice(reported if rng.random() < 0.5 else alternate)

    local = LOCAL_TITLES.get(country_code)
    if local and rng.random() < 0.25:
        return rng.choice(local)
    title = rng.choice(GTM_TITLES)
    if company and title in TITLES_WITH_EMPLOYER and rng.random() < 0.15:
        title = f"{title}{rng.choice(EMPLOYER_SEPARATORS)}{company.base_name}"
    return title


def draw_person_country(rng: random.Random, company: Company | None) -> str:
    draw = rng.random()
    if draw < 0.03:
        return ""
    if company and company.country_code and draw < 0.90:
        return company.country_code
    return weighted_choice(rng, MAIN_COUNTRY_WEIGHTS)


def make_person(
    rng: random.Random,
    person_id: str,
    company: Company | None,
    onet_titles: tuple[list[str], list[str]],
    country_names: dict[str, tuple[str, str]],
) -> Person:
    country_code = draw_person_country(rng, company)
    experience = min(40.0, rng.triangular(0.0, 40.0, 8.0))
    in_role = min(15.0, experience, rng.expovariate(1 / 3.0))
    # Both values share one precision, so the rounded time in role never exceeds the
    # rounded experience.
    whole_years = rng.random() < 0.6
    person = Person(person_id=person_id, company=company)
    person.row = {
        "person_id": person_id,
        "company_id": company.company_id if company else "",
        "title": draw_title(rng, company, country_code, onet_titles),
        "country": write_country(rng, country_code, country_names),
        "years_of_experience": "" if rng.random() < 0.04 else format_years(experience, whole_years),
        "years_in_current_role": "" if rng.random() < 0.06 else format_years(in_role, whole_years),
    }
    return person


def generate_people(
    rng: random.Random,
    companies: list[Company],
    onet_titles: tuple[list[str], list[str]],
    country_names: dict[str, tuple[str, str]],
) -> list[Person]:
    """Return people with unique ids. The duplicate rows are added when the rows are written."""
    people: list[Person] = []
    for company in companies:
        # A gamma-mixed Poisson gives the long tail of real contact lists, and larger
        # companies get somewhat more contacts.
        size_factor = 0.6 + 0.18 * math.log10(company.employees)
        mean = rng.gammavariate(2.0, 3.0) * size_factor
        for _ in range(min(PEOPLE_MAX_PER_COMPANY, poisson(rng, mean))):
            person_id = f"p_{len(people) + 1:06d}"
            people.append(make_person(rng, person_id, company, onet_titles, country_names))

    # About 2 % of people have no company and about 1 % name a company id that does not
    # exist. Ids above the generated range are unknown by construction.
    missing_company_ids = [f"c_{len(companies) + offset:06d}" for offset in range(1, 101)]
    for person in people:
        draw = rng.random()
        if draw < 0.02:
            person.company = None
            person.row["company_id"] = ""
        elif draw < 0.03:
            person.company = None
            person.row["company_id"] = rng.choice(missing_company_ids)

    namibians = [person for person in people if person.row["country"] == NAMIBIA]
    others = [person for person in people if person.row["country"] != NAMIBIA]
    for person in rng.sample(others, max(0, MIN_NAMIBIA_PEOPLE - len(namibians))):
        person.row["country"] = NAMIBIA
    return people


def people_rows_with_duplicates(rng: random.Random, people: list[Person]) -> list[dict[str, str]]:
    """Return the people rows with DUPLICATE_PERSON_ROWS extra rows that reuse an earlier id.

    Each copy keeps the person_id but gets a new title, as when a contact is imported twice
    after a job change, and is placed somewhere after the original row.
    """
    rows = [dict(person.row) for person in people]
    originals = sorted(rng.sample(range(len(rows)), DUPLICATE_PERSON_ROWS), reverse=True)
    for index in originals:
        copy = dict(rows[index])
        copy["title"] = rng.choice(GTM_TITLES)
        rows.insert(rng.randint(index + 1, len(rows)), copy)
    return rows


# --- Opportunities -----------------------------------------------------------------------------


def draw_opportunity_amount(rng: random.Random, company: Company) -> str:
    amount = (5_000 + 900 * company.employees**0.6) * rng.lognormvariate(0.0, 0.5)
    return f"{round(amount, -1):.2f}"


def make_opportunity(rng: random.Random, company: Company, stage: str) -> dict[str, str]:
    if stage == "open":
        created = random_timestamp(rng, dt.datetime(2025, 9, 1), OPPORTUNITY_END)
        closed = None
    else:
        duration = dt.timedelta(days=rng.randint(7, 240), seconds=rng.randint(0, 86_399))
        if company.customer_status == "churned":
            # A churned customer won its deal early enough to have left since.
            latest_start = dt.datetime(2025, 3, 1)
        else:
            latest_start = OPPORTUNITY_END - duration
        created = random_timestamp(rng, OPPORTUNITY_START, latest_start)
        closed = created + duration
    return {
        "company_id": company.company_id,
        "stage": stage,
        "amount": draw_opportunity_amount(rng, company),
        "created_at": format_timestamp(created),
        "closed_at": format_timestamp(closed),
    }


def generate_opportunities(rng: random.Random, companies: list[Company]) -> list[dict[str, str]]:
    """Return 1 to 3 opportunities for all customers, churned customers and about 8 % of the rest."""
    rows = []
    for company in companies:
        if company.customer_status in ("customer", "churned"):
            stages = ["closed_won"]
        elif rng.random() < 0.09:
            stages = [weighted_choice(rng, {"open": 5, "closed_lost": 5})]
        else:
            continue
        extra = weighted_choice(rng, {"0": 6, "1": 3, "2": 1})
        for _ in range(int(extra)):
            stages.append(weighted_choice(rng, {"open": 4, "closed_lost": 4, "closed_won": 2}))
        if company.customer_status not in ("customer", "churned"):
            # A company that never won a deal is not a customer, so it has no won deal.
            stages = [stage if stage != "closed_won" else "closed_lost" for stage in stages]
        rows.extend(make_opportunity(rng, company, stage) for stage in stages)

    rows.sort(key=lambda row: (row["created_at"], row["company_id"]))
    for index, row in enumerate(rows, start=1):
        row["opportunity_id"] = f"o_{index:06d}"
    return [{column: row[column] for column in COLUMNS["opportunities"]} for row in rows]


# --- Signals -----------------------------------------------------------------------------------


def make_signal(rng: random.Random, company_id: str, person_id: str, signal_type: str) -> dict[str, str]:
    return {
        "company_id": company_id,
        "person_id": person_id,
        "signal_type": signal_type,
        "occurred_at": format_timestamp(random_timestamp(rng, SIGNAL_START, SIGNAL_END)),
        "source_category": weighted_choice(rng, SIGNAL_SOURCES[signal_type]),
    }


def generate_signals(rng: random.Random, companies: list[Company], people: list[Person]) -> list[dict[str, str]]:
    rows = []

    # Person-level: about 60 % of the people show activity, a few of them a lot.
    for person in people:
        if rng.random() < 0.40:
            continue
        for _ in range(1 + min(20, int(rng.expovariate(1 / 1.5)))):
            signal_type = weighted_choice(rng, PERSON_SIGNAL_WEIGHTS)
            rows.append(make_signal(rng, person.row["company_id"], person.person_id, signal_type))

    # Signals about people the people table does not contain.
    for offset in range(1, UNKNOWN_PERSON_SIGNALS + 1):
        company = rng.choice(companies)
        signal_type = weighted_choice(rng, PERSON_SIGNAL_WEIGHTS)
        rows.append(make_signal(rng, company.company_id, f"p_{len(people) + offset:06d}", signal_type))

    # Company-level: website visits for many, hiring surges for growing companies and
    # funding announcements for venture-backed ones.
    venture_stages = {"seed", "series_a", "series_b", "series_c", "series_d_plus"}
    for company in companies:
        for _ in range(poisson(rng, 2.0)):
            rows.append(make_signal(rng, company.company_id, "", "website_visit"))
        hiring_odds = min(0.9, company.open_roles / max(company.employees, 1) * 6)
        if rng.random() < hiring_odds:
            for _ in range(rng.randint(1, 2)):
                rows.append(make_signal(rng, company.company_id, "", "hiring_surge"))
        if company.funding_stage in venture_stages and rng.random() < 0.15:
            rows.append(make_signal(rng, company.company_id, "", "funding_announced"))

    rows.sort(key=lambda row: (row["occurred_at"], row["company_id"], row["person_id"], row["signal_type"]))
    for index, row in enumerate(rows, start=1):
        row["signal_id"] = f"s_{index:06d}"
    return [{column: row[column] for column in COLUMNS["signals"]} for row in rows]


# --- Enrichment answers ------------------------------------------------------------------------


def generate_enrichment_answers(rng: random.Random, people: list[Person]) -> list[dict[str, str]]:
    """Answer both questions for about 54 % of people and one of them for about 6 %.

    Answers follow the company's true traits with some noise: `runs_outbound_team` its
    hidden outbound flag, `sells_to_enterprise` its size.
    """
    rows = []
    for person in people:
        if rng.random() >= 0.60:
            continue
        company = person.company
        questions = ["runs_outbound_team", "sells_to_enterprise"]
        if rng.random() < 0.10:
            questions = [rng.choice(questions)]

        for question in questions:
            if question == "runs_outbound_team":
                truth = company.has_outbound_team if company else rng.random() < 0.4
                answer = "yes" if truth != (rng.random() < 0.15) else "no"
            else:
                employees = company.employees if company else 100
                yes_odds = min(0.85, 0.15 + 0.15 * math.log10(employees))
                answer = weighted_choice(rng, {"yes": yes_odds, "no": 1 - yes_odds, "unsure": 0.2})
            rows.append(
                {
                    "person_id": person.person_id,
                    "question_code": question,
                    "answer": answer,
                    "answered_at": format_timestamp(random_timestamp(rng, ANSWER_START, ANSWER_END)),
                }
            )
    return rows


# --- Output ------------------------------------------------------------------------------------


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        writer.writerows(rows)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder that contains onet-titles/ and iso-countries/ (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help="folder to write the six CSV files to (default: %(default)s)",
    )
    parser.add_argument(
        "--companies",
        type=int,
        default=2000,
        help="number of companies to generate; the other tables scale with it (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    # The band edges and Namibian headquarters each need a company of their own.
    min_companies = 2 * len(BAND_EDGES) + NAMIBIA_COMPANIES
    if args.companies < min_companies:
        parser.error(f"--companies must be at least {min_companies}, got {args.companies}")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    onet_titles = load_onet_titles(args.data_dir)
    check_onet_technologies(args.data_dir)
    country_names = load_country_names(args.data_dir)

    rng = random.Random(SEED)
    companies = generate_companies(rng, args.companies, country_names)
    technologies = generate_technologies(rng, companies)
    people = generate_people(rng, companies, onet_titles, country_names)
    people_rows = people_rows_with_duplicates(rng, people)
    opportunities = generate_opportunities(rng, companies)
    signals = generate_signals(rng, companies, people)
    answers = generate_enrichment_answers(rng, people)

    tables = {
        "companies": [company.row for company in companies],
        "company_technologies": technologies,
        "people": people_rows,
        "opportunities": opportunities,
        "signals": signals,
        "enrichment_answers": answers,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_csv(args.out / f"{name}.csv", COLUMNS[name], rows)
        print(f"{name}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
