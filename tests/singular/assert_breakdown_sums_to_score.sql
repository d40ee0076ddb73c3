-- The contributions in score_breakdown add up to the assigned score of every company
-- and every qualified person (within rounding to two decimals).

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

scores as (

    select 'company' as record_type, company_id as record_id, icp_score as score
    from {{ ref('company_fit') }}
    where icp_code is not null

    union all

    select 'person' as record_type, person_id as record_id, persona_score as score
    from {{ ref('person_fit') }}
    where persona_code is not null

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

-- A definition without score criteria gives 100 with no contributions.
where abs(coalesce(totals.contribution_total, 100) - scores.score) > 0.01
