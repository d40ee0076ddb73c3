-- One row per usable person and live or draft Persona of their company's ICP, with
-- the Persona's name, status and priority. The rank and `is_assigned` come from
-- int_people__persona_scores. `is_assigned` marks the person's Persona: the live, not
-- gated-out candidate with the highest score, ties going to the lower priority and
-- then the smaller code.

-- A view because it only adds names to the scores. A table would write one row per
-- person and Persona a second time.
{{ config(materialized='view') }}

with

scores as (

    select * from {{ ref('int_people__persona_scores') }}

),

definitions as (

    select * from {{ ref('int_definitions__validated') }}
    where definition_type = 'persona'

),

candidates as (

    select
        scores.person_id,
        scores.icp_code,
        scores.persona_code,
        definitions.definition_name as persona_name,
        definitions.status as persona_status,
        definitions.priority as persona_priority,
        scores.is_gated_out,
        scores.score,
        scores.coverage,
        scores.candidate_rank,
        scores.is_assigned
    from scores

    inner join definitions
        on
            scores.icp_code = definitions.icp_code
            and scores.persona_code = definitions.persona_code

    where definitions.status in ('live', 'draft')

)

select * from candidates
