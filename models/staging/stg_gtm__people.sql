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
        cast(years_of_experience as {{ gtm_type_double() }}) as years_of_experience,
        cast(years_in_current_role as {{ gtm_type_double() }}) as years_in_current_role

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
        cleaned.years_of_experience,
        cleaned.years_in_current_role,
        count(*) over (partition by cleaned.person_id) > 1 as has_duplicate_id

    from cleaned

    left join countries
        on lower(cleaned.country_raw) = countries.country_key

)

select * from normalized
