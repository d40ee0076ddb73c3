{%- set input_columns = gtm_input_columns('companies') %}

with

source as (

    select * from {{ gtm_input('companies') }}

),

countries as (

    select * from {{ ref('stg_reference__countries') }}

),

currency_rates as (

    select * from {{ ref('currency_rates') }}

),

cleaned as (

    select
        {{ gtm_clean_text('company_id') }} as company_id,
        {{ gtm_clean_text('company_name') }} as company_name,
        {{ gtm_clean_text('domain') }} as domain_raw,
        {{ gtm_clean_text('industry') }} as industry,
        {{ gtm_parse_number('employee_count', input_columns) }} as employee_count,
        {{ gtm_parse_number('annual_revenue', input_columns) }} as annual_revenue,
        upper(coalesce({{ gtm_clean_text('revenue_currency') }}, 'USD')) as revenue_currency,
        {{ gtm_clean_text('country') }} as country_raw,
        lower({{ gtm_clean_text('funding_stage') }}) as funding_stage,
        {{ gtm_parse_number('open_roles', input_columns) }} as open_roles,
        {{ gtm_parse_number('net_new_headcount_12m', input_columns) }} as net_new_headcount_12m,
        lower({{ gtm_clean_text('customer_status') }}) as customer_status

    from source

),

normalized as (

    select
        cleaned.company_id,
        cleaned.company_name,
        -- Domains compare lower-case, without scheme, `www.`, port or path.
        nullif(
            {{ gtm_regexp_replace(
                gtm_regexp_replace("lower(cleaned.domain_raw)", "'^[a-z][a-z0-9+.-]*://'", "''"),
                "'^www\\.|[:/?#].*$'",
                "''"
            ) }},
            ''
        ) as domain,
        cleaned.industry,
        -- A negative count or revenue is a data error: the value becomes unknown.
        case when cleaned.employee_count >= 0 then cast(cleaned.employee_count as bigint) end as employee_count,
        case when cleaned.annual_revenue >= 0 then cleaned.annual_revenue * currency_rates.usd_per_unit end
            as annual_revenue_usd,
        cleaned.revenue_currency,
        cleaned.country_raw,
        countries.country_code,
        countries.country_name,
        countries.region,
        countries.sub_region,
        cleaned.funding_stage,
        case when cleaned.open_roles >= 0 then cast(cleaned.open_roles as bigint) end as open_roles,
        cast(cleaned.net_new_headcount_12m as bigint) as net_new_headcount_12m,
        cleaned.customer_status,
        count(*) over (partition by cleaned.company_id) > 1 as has_duplicate_id

    from cleaned

    left join currency_rates
        on cleaned.revenue_currency = currency_rates.currency_code

    left join countries
        on lower(cleaned.country_raw) = countries.country_key

)

select * from normalized
