-- One row per record and criterion of the definition assigned to it: for a company,
-- each criterion of its ICP; for a qualified person, each criterion of their Persona.
-- The contributions of a record add up to its score.

-- A view by default: it joins the stored rows of int_records__criteria_evaluated to the
-- criteria they were scored by and builds the key. A table would write the parameter,
-- mode, operator, values and weight of a criterion once per record, 31 million times
-- at 5 million people. GTM_SCORE_BREAKDOWN_MATERIALIZED=table stores it as a table for
-- readers that cannot run views, such as tools that read Spark's Parquet files.
{{ config(materialized=env_var('GTM_SCORE_BREAKDOWN_MATERIALIZED', 'view')) }}

with

evaluated as (

    select * from {{ ref('int_records__criteria_evaluated') }}

),

criteria as (

    select * from {{ ref('int_definitions__criteria') }}

),

final as (

    select
        cast(
            evaluated.record_type
            || ':'
            || evaluated.record_id
            || ':'
            || evaluated.icp_code
            || coalesce(':' || evaluated.persona_code, '')
            || ':'
            || evaluated.criterion_code
            as {{ dbt.type_string() }}
        ) as breakdown_key,
        cast(evaluated.record_type as {{ dbt.type_string() }}) as record_type,
        cast(evaluated.record_id as {{ dbt.type_string() }}) as record_id,
        cast(criteria.definition_type as {{ dbt.type_string() }}) as definition_type,
        cast(evaluated.icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(evaluated.persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(evaluated.criterion_code as {{ dbt.type_string() }}) as criterion_code,
        cast(criteria.parameter as {{ dbt.type_string() }}) as parameter,
        cast(criteria.criterion_mode as {{ dbt.type_string() }}) as criterion_mode,
        cast(criteria.operator as {{ dbt.type_string() }}) as operator,
        cast(criteria.criterion_value as {{ dbt.type_string() }}) as criterion_value,
        cast(evaluated.record_value as {{ dbt.type_string() }}) as record_value,
        cast(evaluated.match_detail as {{ dbt.type_string() }}) as match_detail,
        cast(criteria.weight as {{ gtm_type_double() }}) as weight,
        cast(evaluated.match_strength as {{ gtm_type_double() }}) as match_strength,
        cast(evaluated.contribution as {{ gtm_type_double() }}) as contribution,
        cast(evaluated.outcome as {{ dbt.type_string() }}) as outcome,
        cast(evaluated.definitions_version as {{ dbt.type_string() }}) as definitions_version,
        evaluated.scored_at
    from evaluated

    -- Company rows have no Persona, so the Persona codes are compared through an empty
    -- string, which no Persona code can be.
    inner join criteria
        on
            evaluated.icp_code = criteria.icp_code
            and coalesce(evaluated.persona_code, '') = coalesce(criteria.persona_code, '')
            and evaluated.criterion_code = criteria.criterion_code

)

select * from final
