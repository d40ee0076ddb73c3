with

source as (

    select * from {{ gtm_input('opportunities') }}

),

cleaned as (

    select
        {{ gtm_clean_text('opportunity_id') }} as opportunity_id,
        {{ gtm_clean_text('company_id') }} as company_id,
        lower({{ gtm_clean_text('stage') }}) as stage,
        cast(amount as {{ gtm_type_double() }}) as amount_usd,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(closed_at as {{ dbt.type_timestamp() }}) as closed_at

    from source

)

select * from cleaned
