{#-
    gtm_score_definitions(definitions, record_key, version, scope_column=none, title_patterns=none)

    Generate step of the definitions compiler. Renders the CTEs that score and rank
    every record of the `features` CTE against each definition in `definitions` (a list
    of parsed ICPs or Personas), ending in a CTE named `record_scores` with one row per
    record.

    The definitions that compete for the same records form a group
    (gtm_definition_groups): all ICPs, or the Personas of one ICP. Each group gets three
    CTEs that read its records once and keep one row per record, with the columns of
    the group's definition N prefixed `dN__`: `<group>__criteria` (one column per
    criterion), `<group>__totals` (gates and weighted sums) and `<group>__scores` (score
    and coverage). `record_scores` stacks the groups' rows: the record key, the
    definitions version, the record's ICP as `icp_code` when scoped, and for each
    position N up to the largest
    group dN__is_gated_out, dN__score, dN__coverage, dN__candidate_rank and
    dN__is_assigned (see gtm_rank_candidates for the last two), NULL past the end of
    the record's group. gtm_candidate_rows turns these columns back into one row per
    record and definition. Nothing sorts the records, and one row per record is far
    cheaper to write than one row per record and definition.

    Arguments:
        definitions: parsed ICPs or Personas of one kind, sorted by priority and then
            code (Personas by ICP first), as gtm_parse_definitions returns them
        record_key: the key column of `features` (company_id or person_id)
        version: the definitions version, written to every row so that the ranked
            views can match the rows with the definitions they were scored under
        scope_column: when set, a Persona only scores the records whose value in this
            column equals the Persona's ICP (the person's assigned ICP)
        title_patterns: the word keys and signatures of the title patterns, as
            gtm_definitions() returns them in `title_patterns`; when none, the macro
            classifies the patterns of `definitions` itself

    Example: gtm_score_definitions(gtm_definitions().icps, 'company_id', gtm_definitions().version)
-#}
{% macro gtm_score_definitions(definitions, record_key, version, scope_column=none, title_patterns=none) %}
    {%- set title_patterns = title_patterns if title_patterns is not none else gtm_title_patterns({'icps': definitions, 'personas': []}) -%}
    {%- set groups = gtm_definition_groups(definitions, scope_column is not none) -%}
    {%- set slot_count = groups | map(attribute='definitions') | map('length') | max if groups else 0 -%}
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
        {%- set columns = [record_key, 'cast(' ~ gtm_quote(version) ~ ' as ' ~ dbt.type_string() ~ ') as definitions_version'] %}
        {%- if scope_column %}
            {%- do columns.append('cast(' ~ gtm_quote(group.icp_code) ~ ' as ' ~ dbt.type_string() ~ ') as icp_code') %}
        {%- endif %}
        {%- for definition in group.definitions %}
            {%- set prefix = 'd' ~ loop.index ~ '__' %}
            {%- set heading = '-- d' ~ loop.index ~ ': ' ~ definition.kind | upper ~ ' ' ~ definition.key ~ '\n        ' %}
            {%- do columns.extend([heading ~ prefix ~ 'is_gated_out', prefix ~ 'score', prefix ~ 'coverage'] + gtm_rank_candidates(ranked, loop.index0)) %}
        {%- endfor %}
        {%- for position in range(group.definitions | length + 1, slot_count + 1) %}
            {%- set prefix = 'd' ~ position ~ '__' %}
            {%- do columns.extend([
                'cast(null as boolean) as ' ~ prefix ~ 'is_gated_out',
                'cast(null as decimal(5, 2)) as ' ~ prefix ~ 'score',
                'cast(null as decimal(5, 4)) as ' ~ prefix ~ 'coverage',
                'cast(null as integer) as ' ~ prefix ~ 'candidate_rank',
                'cast(null as boolean) as ' ~ prefix ~ 'is_assigned',
            ]) %}
        {%- endfor %}
        {%- do rows.append('-- ' ~ group.name ~ '\n    select\n        ' ~ columns | join(',\n        ') ~ '\n    from ' ~ group.name ~ '__scores') %}
    {%- endfor %}

record_scores as (
    {%- for row in rows %}

    {{ row }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}
    {%- if rows | length == 0 %}

    -- No definitions of this kind: an empty result with the key columns.
    select
        features.{{ record_key }},
        cast({{ gtm_quote(version) }} as {{ dbt.type_string() }}) as definitions_version
        {%- if scope_column %},
        cast(null as {{ dbt.type_string() }}) as icp_code
        {%- endif %}
    from features
    where 1 = 0
    {%- endif %}

)
{%- endmacro %}
