-- One row per audience and member person: the people of every person-motion audience
-- (the default audience included) and the buying committees of every ABM audience,
-- with the rank, route and the time the member entered. A row changes only when the
-- member's scores, codes, rank or route change; run times are in audience_changes.
-- The change feed is built first, so a run whose feed fails leaves this mart as it was.
-- NOTE: when the feed succeeds and this mart then fails, the next run reports the same
-- changes again under a new run_id.
-- depends_on: {{ ref('audience_changes') }}

with

evaluated as (

    select * from {{ ref('int_audiences__members_evaluated') }}
    where is_member

),

audiences as (

    select * from {{ ref('int_audiences__validated') }}

),

final as (

    select
        cast(evaluated.audience_code || ':' || evaluated.person_id as {{ dbt.type_string() }}) as audience_member_key,
        cast(evaluated.audience_code as {{ dbt.type_string() }}) as audience_code,
        cast(evaluated.person_id as {{ dbt.type_string() }}) as person_id,
        cast(audiences.motion as {{ dbt.type_string() }}) as motion,
        cast(evaluated.company_id as {{ dbt.type_string() }}) as company_id,
        cast(evaluated.icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(evaluated.persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(evaluated.icp_score as decimal(5, 2)) as icp_score,
        cast(evaluated.persona_score as decimal(5, 2)) as persona_score,
        cast(evaluated.combined_score as decimal(5, 2)) as combined_score,
        cast(evaluated.audience_rank as integer) as audience_rank,
        cast(evaluated.route as {{ dbt.type_string() }}) as route,
        cast(evaluated.entered_at as {{ dbt.type_timestamp() }}) as entered_at,
        cast(evaluated.updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from evaluated
    inner join audiences
        on evaluated.audience_code = audiences.audience_code

)

select * from final
