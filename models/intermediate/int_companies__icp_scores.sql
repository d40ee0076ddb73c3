-- One row per usable company and ICP (every status): the gate outcome, the score
-- (0-100, NULL when gated out) and the coverage. Compiled from the ICP definitions,
-- one pair of CTEs per ICP.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions() %}

with

features as (

    select * from {{ ref('int_companies__features') }}

),
{{ gtm_score_definitions(definitions.icps, 'company_id') }},

scored as (

    select
        {{ gtm_finalize_scores('company_id') }}
    from candidates

)

select * from scored
