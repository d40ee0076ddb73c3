-- One row per usable company, with the definitions version and one group of columns
-- per ICP of any status. The group of the Nth ICP in priority and code order is
-- dN__is_gated_out, dN__score (0-100, NULL when gated out), dN__coverage,
-- dN__candidate_rank (among the live and draft ICPs) and dN__is_assigned.
-- Compiled from the ICP definitions, one pass over the companies.
-- int_companies__icp_ranked turns the groups into rows.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions() %}

with

features as (

    select * from {{ ref('int_companies__features') }}

),
{{ gtm_score_definitions(
    definitions.icps,
    'company_id',
    definitions.version,
    title_patterns=definitions.title_patterns,
) }}

select * from record_scores
