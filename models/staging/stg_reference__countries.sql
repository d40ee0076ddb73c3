-- One row per way of writing a country (its ISO alpha-2 code, or an alias such as a
-- name, an alpha-3 code or `UK`), keyed by the lower-cased spelling. Alpha-2 codes win
-- over aliases, so `NA` is always Namibia.

with

countries as (

    select * from {{ ref('countries') }}

),

aliases as (

    select * from {{ ref('country_aliases') }}

),

spellings as (

    select
        lower(countries.country_code) as country_key,
        countries.country_code,
        1 as spelling_rank
    from countries

    union all

    select
        lower(trim(aliases.alias)) as country_key,
        aliases.country_code,
        2 as spelling_rank
    from aliases

),

ranked as (

    select
        country_key,
        country_code,
        row_number() over (partition by country_key order by spelling_rank, country_code) as spelling_order
    from spellings

),

resolved as (

    select
        ranked.country_key,
        countries.country_code,
        countries.country_name,
        countries.region,
        countries.sub_region
    from ranked

    inner join countries
        on ranked.country_code = countries.country_code

    where ranked.spelling_order = 1

)

select * from resolved
