-- One row per member of the default audience: qualified people whose ICP score and
-- Persona score both reach the thresholds (vars gtm_audience_min_icp_score and
-- gtm_audience_min_persona_score, 60 by default), ranked volume-outbound style: by
-- Persona score, then ICP score, then person_id.

with

person_fit as (

    select * from {{ ref('person_fit') }}

),

members as (

    select
        person_fit.*,
        row_number() over (
            order by person_fit.persona_score desc, person_fit.icp_score desc, person_fit.person_id asc
        ) as audience_rank
    from person_fit
    where
        person_fit.qualification_status = 'qualified'
        and person_fit.icp_score >= {{ var('gtm_audience_min_icp_score') }}
        and person_fit.persona_score >= {{ var('gtm_audience_min_persona_score') }}

),

final as (

    select
        cast('default' || ':' || person_id as {{ dbt.type_string() }}) as audience_member_key,
        cast('default' as {{ dbt.type_string() }}) as audience_code,
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        cast(company_id as {{ dbt.type_string() }}) as company_id,
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(icp_score as decimal(5, 2)) as icp_score,
        cast(persona_score as decimal(5, 2)) as persona_score,
        cast(audience_rank as integer) as audience_rank,
        cast(icp_code || ':' || persona_code as {{ dbt.type_string() }}) as route,
        cast(scored_at as {{ dbt.type_timestamp() }}) as entered_at,
        cast(definitions_version as {{ dbt.type_string() }}) as definitions_version,
        cast(scored_at as {{ dbt.type_timestamp() }}) as scored_at
    from members

)

select * from final
