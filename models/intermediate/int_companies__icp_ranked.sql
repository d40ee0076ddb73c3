-- One row per usable company and ICP that is live or draft, ranked. `is_assigned`
-- marks the company's ICP: the live, not gated-out candidate with the highest score,
-- ties going to the lower priority and then the smaller code.

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
        definitions.status = 'live' and not scores.is_gated_out as is_eligible
    from scores

    inner join definitions
        on scores.icp_code = definitions.icp_code

    where definitions.status in ('live', 'draft')

),

ranked as (

    select
        candidates.*,
        {{ gtm_rank_candidates('company_id', 'icp_priority', 'icp_code') }}
    from candidates

),

final as (

    select
        company_id,
        icp_code,
        icp_name,
        icp_status,
        icp_priority,
        is_gated_out,
        score,
        coverage,
        candidate_rank,
        is_eligible and eligible_rank = 1 as is_assigned
    from ranked

)

select * from final
