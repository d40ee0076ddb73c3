{%- set input_columns = gtm_input_columns('opportunities') %}

with

source as (

    select * from {{ gtm_input('opportunities') }}

),

cleaned as (

    select
        {{ gtm_clean_text('opportunity_id') }} as opportunity_id,
        {{ gtm_clean_text('company_id') }} as company_id,
        lower({{ gtm_clean_text('stage') }}) as stage,
        {{ gtm_parse_number('amount', input_columns) }} as amount_usd,
        {{ gtm_try_cast('created_at', dbt.type_timestamp()) }} as created_at,
        {{ gtm_try_cast('closed_at', dbt.type_timestamp()) }} as closed_at

    from source

)

select * from cleaned
