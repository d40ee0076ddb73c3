{#-
    gtm_score_definitions(definitions, record_key, scope_column=none)

    Generate step of the definitions compiler. Renders the CTEs that score every
    record of the `features` CTE against each definition in `definitions` (a list of
    parsed ICPs or Personas), ending in a CTE named `candidates` with one row per
    record and definition and an identical column shape for every definition:
    record_key, icp_code, persona_code, is_gated_out, weighted_points, known_weight,
    total_weight. Each definition gets two CTEs: `<kind>__<key>__criteria`, one column
    per criterion, and `<kind>__<key>`, its gates and weighted sums.

    Arguments:
        definitions: parsed ICPs or Personas of one kind
        record_key: the key column of `features` (company_id or person_id)
        scope_column: when set, a Persona only scores the records whose value in this
            column equals the Persona's ICP (the person's assigned ICP)

    Example: gtm_score_definitions(gtm_definitions().icps, 'company_id')
-#}
{% macro gtm_score_definitions(definitions, record_key, scope_column=none) %}
    {%- set title_patterns = gtm_title_patterns({'icps': definitions, 'personas': []}) -%}
    {%- set names = [] -%}
    {%- for definition in definitions %}
    {%- set name = definition.kind ~ '__' ~ definition.key %}
    {%- do names.append(name) %}
    {%- set gates = definition.criteria | selectattr('mode', 'ne', 'score') | list %}
    {%- set scored = definition.criteria | selectattr('mode', 'equalto', 'score') | list %}
    {%- set columns = gtm_criteria_columns(definition, title_patterns) %}

{{ name }}__criteria as (

    -- {{ definition.kind | upper }} {{ definition.key }}: {{ definition.name | replace('\n', ' ') | replace('\r', ' ') }}, {{ definition.status }}, priority {{ definition.priority }}
    select
        features.{{ record_key }}{{ ',' if columns }}
        {{ columns | join(',\n        ') }}
    from features
    {%- if scope_column and definition.kind == 'persona' %}
    where features.{{ scope_column }} = {{ gtm_quote(definition.icp_code) }}
    {%- endif %}

),

{{ name }} as (

    select
        {{ record_key }},
        cast({{ gtm_quote(definition.icp_code) }} as {{ dbt.type_string() }}) as icp_code,
        cast({{ gtm_quote(definition.code) if definition.kind == 'persona' else 'null' }} as {{ dbt.type_string() }}) as persona_code,
        (
            false
            {%- for criterion in gates %}
            or {{ 'not ' if criterion.mode == 'filter' }}coalesce(c__{{ criterion.code }} = 1, false)
            {%- endfor %}
        ) as is_gated_out,
        cast(
            0
            {%- for criterion in scored %}
            + {{ gtm_format_number(criterion.weight) }} * coalesce(c__{{ criterion.code }}, 0)
            {%- endfor %}
            as {{ gtm_type_double() }}
        ) as weighted_points,
        cast(
            0
            {%- for criterion in scored %}
            + case when c__{{ criterion.code }} is not null then {{ gtm_format_number(criterion.weight) }} else 0 end
            {%- endfor %}
            as {{ gtm_type_double() }}
        ) as known_weight,
        cast({{ gtm_format_number(scored | sum(attribute='weight')) }} as {{ gtm_type_double() }}) as total_weight
    from {{ name }}__criteria

),
    {%- endfor %}

candidates as (
    {%- for name in names %}

    select * from {{ name }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}
    {%- if names | length == 0 %}

    -- No definitions of this kind: an empty result with the same columns.
    select
        features.{{ record_key }},
        cast(null as {{ dbt.type_string() }}) as icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        false as is_gated_out,
        cast(0 as {{ gtm_type_double() }}) as weighted_points,
        cast(0 as {{ gtm_type_double() }}) as known_weight,
        cast(0 as {{ gtm_type_double() }}) as total_weight
    from features
    where 1 = 0
    {%- endif %}

)
{%- endmacro %}
