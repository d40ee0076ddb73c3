{%- set input_columns = gtm_input_columns('people') %}

with

source as (

    select * from {{ gtm_input('people') }}

),

countries as (

    select * from {{ ref('stg_reference__countries') }}

),

cleaned as (

    select
        {{ gtm_clean_text('person_id') }} as person_id,
        {{ gtm_clean_text('company_id') }} as company_id,
        {{ gtm_clean_text('title') }} as title,
        {{ gtm_clean_text('country') }} as country_raw,
        {{ gtm_parse_number('years_of_experience', input_columns) }} as years_of_experience,
        {{ gtm_parse_number('years_in_current_role', input_columns) }} as years_in_current_role

    from source

),

normalized as (

    select
        cleaned.person_id,
        cleaned.company_id,
        cleaned.title,
        cleaned.country_raw,
        countries.country_code,
        countries.region,
        countries.sub_region,
        -- Negative years are a data error: the value becomes unknown.
        case when cleaned.years_of_experience >= 0 then cleaned.years_of_experience end as years_of_experience,
        case when cleaned.years_in_current_role >= 0 then cleaned.years_in_current_role end as years_in_current_role,
        count(*) over (partition by cleaned.person_id) > 1 as has_duplicate_id

    from cleaned

    left join countries
        on lower(cleaned.country_raw) = countries.country_key

)

select * from normalized
