-- The contributions in score_breakdown add up to the assigned score of every company
-- and every qualified person (within rounding to two decimals). A definition without
-- score criteria gives 100 with no contributions.

with

breakdown as (

    select * from {{ ref('score_breakdown') }}

),

totals as (

    select
        record_type,
        record_id,
        sum(contribution) as contribution_total
    from breakdown
    group by record_type, record_id

),

definitions as (

    select * from {{ ref('int_definitions__validated') }}

),

scores as (

    select
        'company' as record_type,
        company_fit.company_id as record_id,
        company_fit.icp_score as score,
        definitions.total_weight
    from {{ ref('company_fit') }} as company_fit

    inner join definitions
        on company_fit.icp_code = definitions.icp_code
        and definitions.definition_type = 'icp'

    union all

    select
        'person' as record_type,
        person_fit.person_id as record_id,
        person_fit.persona_score as score,
        definitions.total_weight
    from {{ ref('person_fit') }} as person_fit

    inner join definitions
        on person_fit.icp_code = definitions.icp_code
        and person_fit.persona_code = definitions.persona_code
        and definitions.definition_type = 'persona'

)

select
    scores.record_type,
    scores.record_id,
    scores.score,
    totals.contribution_total
from scores

left join totals
    on scores.record_type = totals.record_type
    and scores.record_id = totals.record_id

where abs(
    case when scores.total_weight = 0 then 100 else coalesce(totals.contribution_total, 0) end
    - scores.score
) > 0.01
