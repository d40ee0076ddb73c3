with

source as (

    select * from {{ gtm_input('signals') }}

),

cleaned as (

    select
        {{ gtm_clean_text('signal_id') }} as signal_id,
        {{ gtm_clean_text('company_id') }} as company_id,
        {{ gtm_clean_text('person_id') }} as person_id,
        lower({{ gtm_clean_text('signal_type') }}) as signal_type,
        {{ gtm_try_cast('occurred_at', dbt.type_timestamp()) }} as occurred_at,
        lower({{ gtm_clean_text('source_category') }}) as source_category

    from source

)

select * from cleaned
