{{ config(materialized='view') }}
-- One row per usable company with the columns that ABM audience conditions and rankings
-- may name, as listed by gtm_audience_columns('company'). These are columns of
-- company_fit, the company's buying committee (its qualified people, one Persona each)
-- and the time of its latest signal of each recency type up to the as-of date.
{%- set signal_types = gtm_audience_signal_types('company') %}

with

companies as (

    select * from {{ ref('company_fit') }}

),

people as (

    select * from {{ ref('person_fit') }}

),

definitions as (

    select * from {{ ref('int_definitions__validated') }}

),

signals as (

    select * from {{ ref('stg_gtm__signals') }}

),

committees as (

    select
        company_id,
        count(*) as committee_size,
        count(distinct persona_code) as personas_covered
    from people
    where qualification_status = 'qualified'
    group by company_id

),

committee_personas as (

    select distinct
        company_id,
        persona_code
    from people
    where qualification_status = 'qualified'

),

committee_persona_lists as (

    select
        company_id,
        {{ gtm_sorted_listagg('persona_code', "'|'") }} as committee_personas
    from committee_personas
    group by company_id

),

live_personas as (

    select
        icp_code,
        count(*) as live_persona_count
    from definitions
    where
        definition_type = 'persona'
        and status = 'live'
    group by icp_code

),

latest_signals as (
    {{ gtm_latest_signals('company_id', signal_types) }}
),

final as (

    select
        companies.company_id,
        companies.industry,
        companies.country_code,
        companies.employee_count,
        companies.icp_code,
        companies.icp_score,
        companies.icp_coverage,
        companies.fit_status,
        coalesce(committees.committee_size, 0) as committee_size,
        coalesce(committees.personas_covered, 0) as personas_covered,
        coalesce(live_personas.live_persona_count, 0) as live_persona_count,
        committee_persona_lists.committee_personas,
        {%- for signal_type in signal_types %}
            latest_signals.last_{{ signal_type }}_at,
        {%- endfor %}
        -- Share of the ICP's live Personas that the committee covers. It is NULL when
        -- the company has no ICP or the ICP has no live Persona.
        round(
            cast(coalesce(committees.personas_covered, 0) as decimal(18, 6))
            / nullif(live_personas.live_persona_count, 0),
            4
        ) as committee_coverage
    from companies
    left join committees
        on companies.company_id = committees.company_id
    left join committee_persona_lists
        on companies.company_id = committee_persona_lists.company_id
    left join live_personas
        on companies.icp_code = live_personas.icp_code
    left join latest_signals
        on companies.company_id = latest_signals.company_id

)

select * from final
