{#-
    gtm_criteria_columns(definition, title_patterns, include_values=false, prefix='')

    The select-list lines that evaluate every criterion of one definition on the
    `features` relation: one line per criterion, named `<prefix>c__<criterion_code>`, holding
    its match strength (NULL when unknown), each preceded by a comment naming it. With
    include_values, it also selects `v__<criterion_code>`, the record's value as text
    (numbers through gtm_number_to_text, so every engine writes them alike), and `d__<criterion_code>`, the match detail of gtm_match_detail, for the score
    breakdown. `prefix` keeps the columns of several definitions in one select apart.

    Example: gtm_criteria_columns(definition, title_patterns)
             ->  -- software_industry [filter]: industry in Software|Internet
                 case when features.industry is null then null ... end as c__software_industry,
-#}
{% macro gtm_criteria_columns(definition, title_patterns, include_values=false, prefix='') %}
    {%- set lines = [] -%}
    {%- for criterion in definition.criteria -%}
        {%- set column = 'features.' ~ criterion.parameter -%}
        {%- set described = gtm_criterion_values_text(criterion) -%}
        {%- set comment = criterion.code ~ " [" ~ criterion.mode ~ (", weight " ~ gtm_format_number(criterion.weight) if criterion.mode == 'score' else '') ~ "]: "
            ~ criterion.parameter ~ " " ~ criterion.operator ~ (" " ~ described if described else '') -%}
        {%- do lines.append(
            "-- " ~ comment.replace('\n', ' ').replace('\r', ' ')
            ~ "\n        " ~ gtm_criterion_strength(criterion, column, title_patterns, criterion.mode != 'score')
            ~ " as " ~ prefix ~ "c__" ~ criterion.code
        ) -%}
        {%- if include_values -%}
            {%- if criterion.type in ['number', 'recency'] -%}
                {%- do lines.append(gtm_number_to_text(column) ~ " as v__" ~ criterion.code) -%}
            {%- else -%}
                {%- do lines.append("cast(" ~ column ~ " as " ~ dbt.type_string() ~ ") as v__" ~ criterion.code) -%}
            {%- endif -%}
            {%- do lines.append(gtm_match_detail(criterion, column, title_patterns) ~ " as d__" ~ criterion.code) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(lines) }}
{% endmacro %}
