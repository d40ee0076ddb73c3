-- One row per record and criterion of the definition assigned to it: for a company,
-- each criterion of its ICP; for a qualified person, each criterion of their Persona.
-- The contributions of a record add up to its score.

-- A view by default: it joins the stored rows of int_records__criteria_evaluated to the
-- criteria they were scored by, derives the outcome and builds the key. A table would
-- write the codes, parameter, mode, operator, values and weight of a criterion once per
-- record, 31 million times at 5 million people. GTM_SCORE_BREAKDOWN_MATERIALIZED=table
-- stores it as a table for readers that cannot run views, such as tools that read
-- Spark's Parquet files.
{{ config(materialized=env_var('GTM_SCORE_BREAKDOWN_MATERIALIZED', 'view')) }}

with

evaluated as (

    select * from {{ ref('int_records__criteria_evaluated') }}

),

criteria as (

    select * from {{ ref('int_definitions__criteria') }}

),

joined as (

    select
        evaluated.*,
        case criteria.definition_type when 'icp' then 'company' else 'person' end as record_type,
        criteria.definition_type,
        criteria.icp_code,
        criteria.persona_code,
        criteria.criterion_code,
        criteria.parameter,
        criteria.criterion_mode,
        criteria.operator,
        criteria.criterion_value,
        criteria.weight,
        criteria.definitions_version
    from evaluated

    -- The criterion id carries the definitions version, so rows scored by other
    -- definitions match no criterion, and assert_breakdown_keeps_every_stored_row fails
    -- instead of pairing them with the wrong criteria.
    inner join criteria
        on evaluated.criterion_id = criteria.criterion_id

),

final as (

    select
        cast(
            record_type
            || ':'
            || record_id
            || ':'
            || icp_code
            || coalesce(':' || persona_code, '')
            || ':'
            || criterion_code
            as {{ dbt.type_string() }}
        ) as breakdown_key,
        cast(record_type as {{ dbt.type_string() }}) as record_type,
        cast(record_id as {{ dbt.type_string() }}) as record_id,
        cast(definition_type as {{ dbt.type_string() }}) as definition_type,
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(criterion_code as {{ dbt.type_string() }}) as criterion_code,
        cast(parameter as {{ dbt.type_string() }}) as parameter,
        cast(criterion_mode as {{ dbt.type_string() }}) as criterion_mode,
        cast(operator as {{ dbt.type_string() }}) as operator,
        cast(criterion_value as {{ dbt.type_string() }}) as criterion_value,
        cast(record_value as {{ dbt.type_string() }}) as record_value,
        cast(match_detail as {{ dbt.type_string() }}) as match_detail,
        cast(weight as {{ gtm_type_double() }}) as weight,
        cast(match_strength as {{ gtm_type_double() }}) as match_strength,
        cast(contribution as {{ gtm_type_double() }}) as contribution,
        cast(
            case
                when criterion_mode = 'score' and match_strength is null then 'unknown'
                when criterion_mode = 'score' and match_strength = 1 then 'matched'
                when criterion_mode = 'score' and match_strength = 0 then 'not_matched'
                when criterion_mode = 'score' then 'partial'
                -- A filter passes on a full match, an exclude on anything else.
                when criterion_mode = 'filter' and match_strength = 1 then 'passed'
                when criterion_mode = 'filter' then 'failed'
                when match_strength = 1 then 'failed'
                else 'passed'
            end
            as {{ dbt.type_string() }}
        ) as outcome,
        cast(definitions_version as {{ dbt.type_string() }}) as definitions_version,
        scored_at
    from joined

)

select * from final
