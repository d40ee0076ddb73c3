-- One row per usable company (a unique, non-blank company_id) with one column per
-- company parameter of the registry, named after the parameter. Scoring reads only
-- these columns, so a new registry entry becomes a usable criterion parameter here.
{%- set parameters = gtm_entity_parameters('company') %}

with

companies as (

    select * from {{ ref('stg_gtm__companies') }}
    where
        company_id is not null
        and not has_duplicate_id

),

technologies as (

    select * from {{ ref('stg_gtm__company_technologies') }}

),

opportunities as (

    select * from {{ ref('stg_gtm__opportunities') }}

),

signals as (

    select * from {{ ref('stg_gtm__signals') }}

),

distinct_technologies as (

    select distinct
        company_id,
        technology_key
    from technologies
    where
        company_id is not null
        and technology_key is not null

),

technology_lists as (

    select
        company_id,
        {{ gtm_list_key_agg('technology_key') }} as technology_list
    from distinct_technologies
    group by company_id

),

pipeline as (

    select
        company_id,
        count(*) as opportunity_count
    from opportunities
    where company_id is not null
    group by company_id

),

signal_recency as (

    -- Days from the latest signal of each type to the as-of date; signals after the
    -- as-of date are ignored.
    select
        {{- gtm_recency_columns(parameters) }}
        company_id
    from signals
    where
        company_id is not null
        and person_id is null
        and cast(occurred_at as date) <= {{ gtm_as_of_date() }}
    group by company_id

),

enriched as (

    select
        companies.*,
        technology_lists.technology_list,
        coalesce(pipeline.opportunity_count, 0) > 0 as has_past_pipeline,
        case
            when companies.customer_status in ('customer', 'churned', 'prospect')
                then companies.customer_status = 'customer'
        end as is_current_customer,
        case
            when companies.customer_status in ('customer', 'churned', 'prospect')
                then companies.customer_status = 'churned'
        end as is_churned,
        {%- for code, parameter in parameters if parameter.type == 'recency' %}
            signal_recency.{{ code }},
        {%- endfor %}
        -- Open roles per 100 employees.
        100.0 * companies.open_roles / nullif(companies.employee_count, 0) as hiring_velocity

    from companies

    left join technology_lists
        on companies.company_id = technology_lists.company_id

    left join pipeline
        on companies.company_id = pipeline.company_id

    left join signal_recency
        on companies.company_id = signal_recency.company_id

),

features as (

    select
        {%- for code, parameter in parameters %}
            {{ code if parameter.type == 'recency' else parameter.expression }} as {{ code }},
        {%- endfor %}
        company_id
    from enriched

)

select * from features
