-- One row per usable person and live or draft Persona of their company's ICP, ranked.
-- `is_assigned` marks the person's Persona: the live, not gated-out candidate with the
-- highest score, ties going to the lower priority and then the smaller code.

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
        definitions.status = 'live' and not scores.is_gated_out as is_eligible
    from scores

    inner join definitions
        on
            scores.icp_code = definitions.icp_code
            and scores.persona_code = definitions.persona_code

    where definitions.status in ('live', 'draft')

),

ranked as (

    select
        candidates.*,
        {{ gtm_rank_candidates('person_id', 'persona_priority', 'persona_code') }}
    from candidates

),

final as (

    select
        person_id,
        icp_code,
        persona_code,
        persona_name,
        persona_status,
        persona_priority,
        is_gated_out,
        score,
        coverage,
        candidate_rank,
        is_eligible and eligible_rank = 1 as is_assigned
    from ranked

)

select * from final
