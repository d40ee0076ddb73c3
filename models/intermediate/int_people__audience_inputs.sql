{{ config(materialized='view') }}
-- One row per usable person with the columns that audience conditions and rankings may
-- name, as listed by gtm_audience_columns('person'). These are columns of person_fit, a
-- few columns of the person's company, and the time of the person's latest signal of
-- each recency type up to the as-of date.
{%- set signal_types = gtm_audience_signal_types('person') %}

with

people as (

    select * from {{ ref('person_fit') }}

),

companies as (

    select * from {{ ref('company_fit') }}

),

signals as (

    select * from {{ ref('stg_gtm__signals') }}

),

latest_signals as (
    {{ gtm_latest_signals('person_id', signal_types) }}
),

final as (

    select
        people.person_id,
        people.company_id,
        companies.industry,
        companies.country_code as company_country_code,
        companies.employee_count,
        people.icp_code,
        people.icp_score,
        companies.icp_coverage,
        people.persona_code,
        people.persona_score,
        people.persona_coverage,
        people.seniority,
        {%- for signal_type in signal_types %}
            latest_signals.last_{{ signal_type }}_at,
        {%- endfor %}
        people.qualification_status
    from people
    left join companies
        on people.company_id = companies.company_id
    left join latest_signals
        on people.person_id = latest_signals.person_id

)

select * from final
