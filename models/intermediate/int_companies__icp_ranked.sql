-- One row per usable company and live or draft ICP, with the ICP's name, status and
-- priority. The rank and `is_assigned` come from int_companies__icp_scores.
-- `is_assigned` marks the company's ICP: the live, not gated-out candidate with the
-- highest score, ties going to the lower priority and then the smaller code.

-- A view because it only adds names to the scores. A table would write one row per
-- company and ICP a second time.
{{ config(materialized='view') }}

with

scores as (

    select * from {{ ref('int_companies__icp_scores') }}

),

definitions as (

    select * from {{ ref('int_definitions__validated') }}
    where definition_type = 'icp'

),

candidates as (

    select
        scores.company_id,
        scores.icp_code,
        definitions.definition_name as icp_name,
        definitions.status as icp_status,
        definitions.priority as icp_priority,
        scores.is_gated_out,
        scores.score,
        scores.coverage,
        scores.candidate_rank,
        scores.is_assigned
    from scores

    inner join definitions
        on scores.icp_code = definitions.icp_code

    where definitions.status in ('live', 'draft')

)

select * from candidates
