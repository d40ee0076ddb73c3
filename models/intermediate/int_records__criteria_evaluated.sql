-- One row per record and criterion of the definition assigned to it: for a company,
-- each criterion of its ICP; for a qualified person, each criterion of their Persona.
-- Each row has the criterion's id, the record's value, the match detail and strength
-- and the contribution. The contributions of a record add up to its score.
-- score_breakdown adds the criterion's codes, description and definitions version from
-- int_definitions__criteria and derives the outcome. At 5 million people this model
-- writes 31 million rows, and in DuckDB each text column of them, even one with
-- the same text in every row, takes longer to write than all the number columns
-- together. So the criterion and its version are stored as one number.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions() %}

with

company_features as (

    select * from {{ ref('int_companies__features') }}

),

person_features as (

    select * from {{ ref('int_people__features') }}

),

company_fit as (

    select * from {{ ref('company_fit') }}

),

person_fit as (

    select * from {{ ref('person_fit') }}

),

features as (

    select
        company_features.*,
        company_fit.icp_code as assigned_icp_code,
        cast(null as {{ dbt.type_string() }}) as assigned_persona_code
    from company_features

    inner join company_fit
        on company_features.company_id = company_fit.company_id

    where company_fit.icp_code is not null

),
{{ gtm_breakdown_definitions(definitions.icps, 'company_id', 'company', title_patterns=definitions.title_patterns) }},

person_scope as (

    select
        person_features.*,
        person_fit.icp_code as assigned_icp_code,
        person_fit.persona_code as assigned_persona_code
    from person_features

    inner join person_fit
        on person_features.person_id = person_fit.person_id

    where person_fit.persona_code is not null

),
{{ gtm_breakdown_definitions(
    definitions.personas,
    'person_id',
    'person',
    features_relation='person_scope',
    title_patterns=definitions.title_patterns,
) }},

unioned as (

    select * from company_breakdown
    union all
    select * from person_breakdown

),

final as (

    select
        cast(record_id as {{ dbt.type_string() }}) as record_id,
        cast(criterion_id as {{ dbt.type_bigint() }}) as criterion_id,
        cast(record_value as {{ dbt.type_string() }}) as record_value,
        cast(match_detail as {{ dbt.type_string() }}) as match_detail,
        cast(match_strength as {{ gtm_type_double() }}) as match_strength,
        cast(contribution as {{ gtm_type_double() }}) as contribution,
        {{ gtm_scored_at() }} as scored_at
    from unioned

)

select * from final
