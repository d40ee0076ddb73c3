{#-
    gtm_candidate_rows(definitions, record_key, scores_relation, is_scoped)

    Turns the one row per record of a scores table (the `record_scores` of
    gtm_score_definitions) back into one row per record and live or draft definition:
    record_key, icp_code, persona_code (Personas only), is_gated_out, score, coverage,
    candidate_rank and is_assigned. Renders a union of one select per position of the
    groups, so the scores table is read once per position, not once per definition.
    A position's code is fixed when the SQL is compiled: a constant for the ICPs, a
    CASE on the record's ICP for the Personas. Paused definitions get no row.

    Arguments:
        definitions: the parsed ICPs or Personas the scores table was compiled from
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
        {%- set members = [] -%}
        {%- for group in groups if group.definitions | length >= position and group.definitions[position - 1].status in ['live', 'draft'] -%}
            {%- do members.append(group.definitions[position - 1]) -%}
        {%- endfor -%}
        {%- if members -%}
            {%- set columns = ['scores.' ~ record_key] -%}
            {%- if is_scoped -%}
                {%- set codes = [] -%}
                {%- for member in members -%}
                    {%- do codes.append('when ' ~ gtm_quote(member.icp_code) ~ ' then ' ~ gtm_quote(member.code)) -%}
                {%- endfor -%}
                {%- do columns.append('scores.icp_code') -%}
                {%- do columns.append('cast(\n            case scores.icp_code\n                '
                    ~ codes | join('\n                ') ~ '\n            end as ' ~ dbt.type_string() ~ '\n        ) as persona_code') -%}
            {%- else -%}
                {%- do columns.append('cast(' ~ gtm_quote(members[0].icp_code) ~ ' as ' ~ dbt.type_string() ~ ') as icp_code') -%}
            {%- endif -%}
            {%- for column in ['is_gated_out', 'score', 'coverage', 'candidate_rank', 'is_assigned'] -%}
                {%- do columns.append(prefix ~ column ~ ' as ' ~ column) -%}
            {%- endfor -%}
            {%- set filter = '' -%}
            {%- if is_scoped -%}
                {%- set icp_codes = [] -%}
                {%- for member in members -%}
                    {%- do icp_codes.append(gtm_quote(member.icp_code)) -%}
                {%- endfor -%}
                {%- set filter = '\n    where scores.icp_code in (' ~ icp_codes | join(', ') ~ ')' -%}
            {%- endif -%}
            {%- do selects.append('-- position ' ~ position ~ '\n    select\n        ' ~ columns | join(',\n        ') ~ '\n    from ' ~ scores_relation ~ ' as scores' ~ filter) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if selects -%}
        {{ selects | join('\n\n    union all\n\n    ') }}
    {%- else -%}
    -- No live or draft definitions of this kind: an empty result with the same columns.
    select
        scores.{{ record_key }},
        cast(null as {{ dbt.type_string() }}) as icp_code,
        {%- if is_scoped %}
        cast(null as {{ dbt.type_string() }}) as persona_code,
        {%- endif %}
        false as is_gated_out,
        cast(null as decimal(5, 2)) as score,
        cast(null as decimal(5, 4)) as coverage,
        cast(null as integer) as candidate_rank,
        false as is_assigned
    from {{ scores_relation }} as scores
    where 1 = 0
    {%- endif -%}
{% endmacro %}
