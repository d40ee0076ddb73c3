-- Every stored breakdown row finds its criterion in int_definitions__criteria, so the
-- inner join of score_breakdown drops no row. A dropped filter or exclude row would
-- not change the sum of the contributions, so assert_breakdown_sums_to_score cannot
-- see it.

with

evaluated as (

    select * from {{ ref('int_records__criteria_evaluated') }}

),

criteria as (

    select * from {{ ref('int_definitions__criteria') }}

)

select
    evaluated.record_type,
    evaluated.record_id,
    evaluated.icp_code,
    evaluated.persona_code,
    evaluated.criterion_code
from evaluated

left join criteria
    on
        evaluated.icp_code = criteria.icp_code
        and coalesce(evaluated.persona_code, '') = coalesce(criteria.persona_code, '')
        and evaluated.criterion_code = criteria.criterion_code

where criteria.criterion_code is null
