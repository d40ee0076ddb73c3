{#-
    gtm_candidate_rows(definitions, record_key, scores_relation, is_scoped)

    Turns the one row per record of a scores table (the `record_scores` of
    gtm_score_definitions) back into one row per record and definition position:
    record_key, icp_code (Personas only), definition_position, definitions_version,
    is_gated_out, score, coverage, candidate_rank and is_assigned. Renders a union of
    one select per position, so the scores table is read once per position, not once
    per definition. The SQL names no definition: the ranked views join each row to
    int_definitions__validated on the position (and the ICP for Personas) and on the
    definitions version. So a view compiled under other definitions than its scores
    table still names every row correctly, and a scores table written under other
    definitions than int_definitions__validated matches no definition.

    Arguments:
        definitions: the parsed ICPs or Personas, for the number of positions
        record_key: the key column, company_id or person_id
        scores_relation: the scores table, such as ref('int_companies__icp_scores'),
            which each select reads under the alias `scores`. Pass the relation
            itself, not an import CTE: DuckDB copies a CTE that several selects read
            before it runs them, which made picking the assigned Personas of 4.4
            million people take about 1.5 s instead of about 0.8 s
        is_scoped: true for Personas, whose positions depend on the record's ICP

    Example: gtm_candidate_rows(gtm_definitions(validate=false).icps, 'company_id', ref('int_companies__icp_scores'), false)
-#}
{% macro gtm_candidate_rows(definitions, record_key, scores_relation, is_scoped) %}
    {%- set groups = gtm_definition_groups(definitions, is_scoped) -%}
    {%- set slot_count = groups | map(attribute='definitions') | map('length') | max if groups else 0 -%}
    {%- set selects = [] -%}
    {%- for position in range(1, slot_count + 1) -%}
        {%- set prefix = 'scores.d' ~ position ~ '__' -%}
        {%- set columns = ['scores.' ~ record_key] + (['scores.icp_code'] if is_scoped else []) -%}
        {%- do columns.append('cast(' ~ position ~ ' as integer) as definition_position') -%}
        {%- do columns.append('scores.definitions_version') -%}
        {%- for column in ['is_gated_out', 'score', 'coverage', 'candidate_rank', 'is_assigned'] -%}
            {%- do columns.append(prefix ~ column ~ ' as ' ~ column) -%}
        {%- endfor -%}
        {#- Past the end of its ICP's Personas, a person's columns are NULL. -#}
        {%- set filter = '\n    where ' ~ prefix ~ 'is_gated_out is not null' if is_scoped else '' -%}
        {%- do selects.append('-- position ' ~ position ~ '\n    select\n        ' ~ columns | join(',\n        ') ~ '\n    from ' ~ scores_relation ~ ' as scores' ~ filter) -%}
    {%- endfor -%}
    {%- if selects -%}
        {{ selects | join('\n\n    union all\n\n    ') }}
    {%- else -%}
    -- No definitions of this kind: an empty result with the same columns.
    select
        scores.{{ record_key }},
        {%- if is_scoped %}
        cast(null as {{ dbt.type_string() }}) as icp_code,
        {%- endif %}
        cast(null as integer) as definition_position,
        scores.definitions_version,
        false as is_gated_out,
        cast(null as decimal(5, 2)) as score,
        cast(null as decimal(5, 4)) as coverage,
        cast(null as integer) as candidate_rank,
        false as is_assigned
    from {{ scores_relation }} as scores
    where 1 = 0
    {%- endif -%}
{% endmacro %}
