-- One row per record and candidate definition: every company against every live and
-- draft ICP, and every person against every live and draft Persona of their
-- company's ICP, with the gate outcome, score, rank and whether it was assigned.
-- depends_on: {{ ref('int_definitions__validated') }}

-- A view by default, because it only adds names and a key to the rows of the two scores
-- tables. A table would write every candidate a second time: 32 million rows at 5 million
-- people. GTM_CANDIDATE_SCORES_MATERIALIZED=table stores it as a table for readers that
-- cannot run views, such as tools that read Spark's Parquet files.
{{ config(materialized=env_var('GTM_CANDIDATE_SCORES_MATERIALIZED', 'view')) }}
{%- set definitions = gtm_definitions(validate=false) %}

with

company_candidates as (

    select * from {{ ref('int_companies__icp_ranked') }}

),

person_candidates as (

    select * from {{ ref('int_people__persona_ranked') }}

),

unioned as (

    select
        'company' as record_type,
        company_id as record_id,
        'icp' as definition_type,
        icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        icp_name as definition_name,
        icp_status as definition_status,
        is_gated_out,
        score,
        coverage,
        candidate_rank,
        is_assigned
    from company_candidates

    union all

    select
        'person' as record_type,
        person_id as record_id,
        'persona' as definition_type,
        icp_code,
        persona_code,
        persona_name as definition_name,
        persona_status as definition_status,
        is_gated_out,
        score,
        coverage,
        candidate_rank,
        is_assigned
    from person_candidates

),

final as (

    select
        cast(
            record_type
            || ':'
            || record_id
            || ':'
            || icp_code
            || coalesce(':' || persona_code, '') as {{ dbt.type_string() }}
        )
            as candidate_key,
        cast(record_type as {{ dbt.type_string() }}) as record_type,
        cast(record_id as {{ dbt.type_string() }}) as record_id,
        cast(definition_type as {{ dbt.type_string() }}) as definition_type,
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(definition_name as {{ dbt.type_string() }}) as definition_name,
        cast(definition_status as {{ dbt.type_string() }}) as definition_status,
        cast(case when is_gated_out then 'gated_out' else 'passed' end as {{ dbt.type_string() }}) as gate_outcome,
        cast(score as decimal(5, 2)) as score,
        cast(coverage as decimal(5, 4)) as coverage,
        cast(candidate_rank as integer) as candidate_rank,
        cast(is_assigned as boolean) as is_assigned,
        cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version,
        {{ gtm_scored_at() }} as scored_at
    from unioned

)

select * from final
