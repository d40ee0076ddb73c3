-- One row per usable company and ICP (every status): the gate outcome, the score
-- (0-100, NULL when gated out), the coverage and the rank among the live and draft
-- ICPs. Compiled from the ICP definitions, one pass over the companies.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions() %}

with

features as (

    select * from {{ ref('int_companies__features') }}

),
{{ gtm_score_definitions(definitions.icps, 'company_id', title_patterns=definitions.title_patterns) }}

select * from candidates
