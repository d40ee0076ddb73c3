-- One row per criterion of every ICP and Persona, compiled from the definitions: what
-- the criterion reads and how it counts. score_breakdown joins these columns to the
-- rows of int_records__criteria_evaluated on criterion_id, so they are stored once per
-- criterion, not once per record.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions(validate=false) %}
{%- set criteria = [] %}
{%- for definition in definitions.icps + definitions.personas %}
    {%- for criterion in definition.criteria %}
        {#- A criterion with neither values nor a range reads `..`, as the breakdown always showed it. #}
        {%- do criteria.append({
            'definition': definition,
            'persona_code': gtm_quote(definition.code) if definition.kind == 'persona' else 'null',
            'criterion': criterion,
            'position': loop.index,
            'criterion_value': gtm_criterion_values_text(criterion) or '..',
        }) %}
    {%- endfor %}
{%- endfor %}

with

criteria as (
    {%- for row in criteria %}

        select
            cast({{ row.criterion.id }} as {{ dbt.type_bigint() }}) as criterion_id,
            cast({{ gtm_quote(row.definition.kind) }} as {{ dbt.type_string() }}) as definition_type,
            cast({{ gtm_quote(row.definition.icp_code) }} as {{ dbt.type_string() }}) as icp_code,
            cast({{ row.persona_code }} as {{ dbt.type_string() }}) as persona_code,
            cast({{ gtm_quote(row.criterion.code) }} as {{ dbt.type_string() }}) as criterion_code,
            cast({{ row.position }} as integer) as criterion_position,
            cast({{ gtm_quote(row.criterion.parameter) }} as {{ dbt.type_string() }}) as parameter,
            cast({{ gtm_quote(row.criterion.mode) }} as {{ dbt.type_string() }}) as criterion_mode,
            cast({{ gtm_quote(row.criterion.operator) }} as {{ dbt.type_string() }}) as operator,
            cast({{ gtm_quote(row.criterion_value) }} as {{ dbt.type_string() }}) as criterion_value,
            cast({{ gtm_format_number(row.criterion.weight) }} as {{ gtm_type_double() }}) as weight,
            cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}
    {%- if criteria | length == 0 %}

    select
        cast(null as {{ dbt.type_bigint() }}) as criterion_id,
        cast(null as {{ dbt.type_string() }}) as definition_type,
        cast(null as {{ dbt.type_string() }}) as icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        cast(null as {{ dbt.type_string() }}) as criterion_code,
        cast(null as integer) as criterion_position,
        cast(null as {{ dbt.type_string() }}) as parameter,
        cast(null as {{ dbt.type_string() }}) as criterion_mode,
        cast(null as {{ dbt.type_string() }}) as operator,
        cast(null as {{ dbt.type_string() }}) as criterion_value,
        cast(null as {{ gtm_type_double() }}) as weight,
        cast({{ gtm_quote(definitions.version or '') }} as {{ dbt.type_string() }}) as definitions_version
    where 1 = 0
    {%- endif %}

)

select * from criteria
