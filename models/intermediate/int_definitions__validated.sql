{#- Compiling the definitions here validates them: an invalid definition fails this
    model with one error listing every problem, and dbt then skips every scoring model
    downstream. -#}
{%- set definitions = gtm_definitions(log_summary=true) -%}
{%- set all_definitions = definitions.icps + definitions.personas -%}
{#- A definition's position in its group names its columns in the scores tables; the
    ranked views join on it to name each position's rows. -#}
{%- set positions = {} -%}
{%- for group in gtm_definition_groups(definitions.icps, false) + gtm_definition_groups(definitions.personas, true) -%}
    {%- for definition in group.definitions -%}
        {%- do positions.update({definition.kind ~ ':' ~ definition.key: loop.index}) -%}
    {%- endfor -%}
{%- endfor -%}

with

definitions as (
    {%- for definition in all_definitions %}

        select
            cast({{ gtm_quote(definition.kind) }} as {{ dbt.type_string() }}) as definition_type,
            cast({{ gtm_quote(definition.icp_code) }} as {{ dbt.type_string() }}) as icp_code,
            cast(
                {{ gtm_quote(definition.code) if definition.kind == 'persona' else 'null' }} as {{ dbt.type_string() }}
            )
                as persona_code,
            cast({{ gtm_quote(definition.name) }} as {{ dbt.type_string() }}) as definition_name,
            cast({{ gtm_quote(definition.status) }} as {{ dbt.type_string() }}) as status,
            cast({{ definition.priority }} as integer) as priority,
            cast({{ positions[definition.kind ~ ':' ~ definition.key] }} as integer) as definition_position,
            cast({{ definition.criteria | length }} as integer) as criteria_count,
            cast({{ definition.criteria | sum(attribute='weight') }} as {{ gtm_type_double() }}) as total_weight,
            cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}
    {%- if all_definitions | length == 0 %}

    select
        cast(null as {{ dbt.type_string() }}) as definition_type,
        cast(null as {{ dbt.type_string() }}) as icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        cast(null as {{ dbt.type_string() }}) as definition_name,
        cast(null as {{ dbt.type_string() }}) as status,
        cast(null as integer) as priority,
        cast(null as integer) as definition_position,
        cast(null as integer) as criteria_count,
        cast(null as {{ gtm_type_double() }}) as total_weight,
        cast({{ gtm_quote(definitions.version or '') }} as {{ dbt.type_string() }}) as definitions_version
    where 1 = 0
    {%- endif %}

)

select * from definitions
