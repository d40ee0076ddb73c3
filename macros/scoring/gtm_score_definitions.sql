{#-
    gtm_score_definitions(definitions, record_key, scope_column=none, title_patterns=none)

    Generate step of the definitions compiler. Renders the CTEs that score and rank
    every record of the `features` CTE against each definition in `definitions` (a list
    of parsed ICPs or Personas), ending in a CTE named `candidates` with one row per
    record and definition and an identical column shape for every definition:
    record_key, icp_code, persona_code, is_gated_out, score, coverage, candidate_rank,
    is_assigned (see gtm_rank_candidates for the last two).

    The definitions that compete for the same records form a group: all ICPs, or the
    Personas of one ICP. Each group gets three CTEs that read its records once and keep
    one row per record, with the columns of definition N prefixed `dN__`:
    `<group>__criteria` (one column per criterion), `<group>__totals` (gates and
    weighted sums) and `<group>__scores` (score and coverage). `candidates` then takes
    one row per record and definition from them, so the best candidate is chosen
    without sorting one row per record and definition.

    Arguments:
        definitions: parsed ICPs or Personas of one kind, sorted by priority and then
            code (Personas by ICP first), as gtm_parse_definitions returns them
        record_key: the key column of `features` (company_id or person_id)
        scope_column: when set, a Persona only scores the records whose value in this
            column equals the Persona's ICP (the person's assigned ICP)
        title_patterns: the word keys and signatures of the title patterns, as
            gtm_definitions() returns them in `title_patterns`; when none, the macro
            classifies the patterns of `definitions` itself

    Example: gtm_score_definitions(gtm_definitions().icps, 'company_id')
-#}
{% macro gtm_score_definitions(definitions, record_key, scope_column=none, title_patterns=none) %}
    {%- set title_patterns = title_patterns if title_patterns is not none else gtm_title_patterns({'icps': definitions, 'personas': []}) -%}
    {%- set groups = [] -%}
    {%- for definition in definitions -%}
        {%- set group_name = definition.kind ~ 's' ~ ('__' ~ definition.icp_code if scope_column else '') -%}
        {%- if groups | length == 0 or groups[-1].name != group_name -%}
            {%- do groups.append({'name': group_name, 'icp_code': definition.icp_code, 'definitions': []}) -%}
        {%- endif -%}
        {%- do groups[-1].definitions.append(definition) -%}
    {%- endfor -%}
    {%- set rows = [] -%}
    {%- for group in groups %}

{{ group.name }}__criteria as (

    select
        features.{{ record_key }}
        {%- for definition in group.definitions %}
        {%- set heading = '-- ' ~ definition.kind | upper ~ ' ' ~ definition.key ~ ': ' ~ definition.name | replace('\n', ' ') | replace('\r', ' ') ~ ', ' ~ definition.status ~ ', priority ' ~ definition.priority %}
        {%- for line in gtm_criteria_columns(definition, title_patterns, prefix='d' ~ loop.index ~ '__') %},
        {{ (heading ~ '\n        ' if loop.first else '') ~ line }}
        {%- endfor %}
        {%- endfor %}
    from features
    {%- if scope_column %}
    where features.{{ scope_column }} = {{ gtm_quote(group.icp_code) }}
    {%- endif %}

),

{{ group.name }}__totals as (

    select
        {{ record_key }}
        {%- for definition in group.definitions %}
        {%- set prefix = 'd' ~ loop.index ~ '__' %}
        {%- set gates = definition.criteria | selectattr('mode', 'ne', 'score') | list %}
        {%- set scored = definition.criteria | selectattr('mode', 'equalto', 'score') | list %},
        -- {{ definition.key }}
        (
            false
            {%- for criterion in gates %}
            or {{ 'not ' if criterion.mode == 'filter' }}coalesce({{ prefix }}c__{{ criterion.code }} = 1, false)
            {%- endfor %}
        ) as {{ prefix }}is_gated_out,
        cast(
            0
            {%- for criterion in scored %}
            + {{ gtm_format_number(criterion.weight) }} * coalesce({{ prefix }}c__{{ criterion.code }}, 0)
            {%- endfor %}
            as {{ gtm_type_double() }}
        ) as {{ prefix }}weighted_points,
        cast(
            0
            {%- for criterion in scored %}
            + case when {{ prefix }}c__{{ criterion.code }} is not null then {{ gtm_format_number(criterion.weight) }} else 0 end
            {%- endfor %}
            as {{ gtm_type_double() }}
        ) as {{ prefix }}known_weight
        {%- endfor %}
    from {{ group.name }}__criteria

),

{{ group.name }}__scores as (

    select
        {{ record_key }}
        {%- for definition in group.definitions %}
        {%- set prefix = 'd' ~ loop.index ~ '__' %},
        -- {{ definition.key }}
        {{ prefix }}is_gated_out,
        {{ gtm_finalize_scores(prefix, definition.criteria | selectattr('mode', 'equalto', 'score') | sum(attribute='weight')) }}
        {%- endfor %}
    from {{ group.name }}__totals

),
        {%- set ranked = [] %}
        {%- for definition in group.definitions %}
            {%- do ranked.append({'prefix': 'd' ~ loop.index ~ '__', 'status': definition.status}) %}
        {%- endfor %}
        {%- for definition in group.definitions %}
            {%- set prefix = 'd' ~ loop.index ~ '__' %}
            {%- set columns = [
                record_key,
                'cast(' ~ gtm_quote(definition.icp_code) ~ ' as ' ~ dbt.type_string() ~ ') as icp_code',
                'cast(' ~ (gtm_quote(definition.code) if definition.kind == 'persona' else 'null') ~ ' as ' ~ dbt.type_string() ~ ') as persona_code',
                prefix ~ 'is_gated_out as is_gated_out',
                prefix ~ 'score as score',
                prefix ~ 'coverage as coverage',
            ] + gtm_rank_candidates(ranked, loop.index0) %}
            {%- do rows.append('-- ' ~ definition.kind | upper ~ ' ' ~ definition.key ~ '\n    select\n        ' ~ columns | join(',\n        ') ~ '\n    from ' ~ group.name ~ '__scores') %}
        {%- endfor %}
    {%- endfor %}

candidates as (
    {%- for row in rows %}

    {{ row }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}
    {%- if rows | length == 0 %}

    -- No definitions of this kind: an empty result with the same columns.
    select
        features.{{ record_key }},
        cast(null as {{ dbt.type_string() }}) as icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        false as is_gated_out,
        cast(null as decimal(5, 2)) as score,
        cast(null as decimal(5, 4)) as coverage,
        cast(null as integer) as candidate_rank,
        false as is_assigned
    from features
    where 1 = 0
    {%- endif %}

)
{%- endmacro %}
