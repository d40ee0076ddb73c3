{#-
    gtm_classify_titles_table(input_relation, output_table, pattern=none, mode=none)

    Operation behind scripts/classify_titles.py and scripts/match_titles.py. Classifies
    the distinct titles of `input_relation` (a table with a `title` column) with the
    same SQL as int_titles__classified and writes one row per title to `output_table`.
    With `pattern` and `mode` (exact, wildcard or semantic) it also writes `is_match`
    and `match_strength`, computed by the same macro that scores title criteria.

    Example: dbt run-operation gtm_classify_titles_table
             --args '{input_relation: main.title_input, output_table: main.title_output}'
-#}
{% macro gtm_classify_titles_table(input_relation, output_table, pattern=none, mode=none) %}
    {%- set criterion = {
        'code': 'title_pattern', 'mode': 'score', 'parameter': 'title', 'type': 'title',
        'operator': mode, 'values': [pattern] if pattern is not none else [],
        'min': none, 'max': none, 'falloff': 0, 'weight': 1, 'bands': [],
    } -%}
    {%- if pattern is not none and mode not in gtm_operators_by_type()['title'] -%}
        {{ exceptions.raise_compiler_error("Match mode '" ~ mode ~ "' is not valid. Allowed: " ~ gtm_operators_by_type()['title'] | join(', ') ~ ".") }}
    {%- endif -%}
    {%- if pattern is not none and mode == 'wildcard' -%}
        {%- set problem = gtm_wildcard_problem(pattern) -%}
        {%- if problem -%}
            {{ exceptions.raise_compiler_error("Wildcard pattern '" ~ pattern ~ "' is invalid: " ~ problem) }}
        {%- endif -%}
    {%- endif -%}
    {%- set title_patterns = gtm_title_patterns({'icps': [{'criteria': [criterion]}], 'personas': []}) if pattern is not none else {} -%}

    {%- set query -%}
create or replace table {{ output_table }} as

with

input_titles as (

    select distinct title
    from {{ input_relation }}
    where title is not null

),

{{ gtm_classify_titles_ctes('input_titles') }},

features as (

    select
        classified.*,
        classified.title_key as pattern_title,
        classified.title_signature as pattern_title__signature
    from classified

)

select
    features.title,
    features.title_key,
    features.seniority,
    features.function_list,
    features.is_founder,
    features.is_owner,
    features.is_board,
    features.seniority_rule,
    features.title_signature
    {%- if pattern is not none %},
    coalesce({{ gtm_criterion_strength(criterion, 'features.pattern_title', title_patterns, false, 4) }}, 0) as match_strength
    {%- endif %}
from features
    {%- endset -%}
    {%- do run_query(query) -%}
    {{ log("gtm_targeting: classified the titles of " ~ input_relation ~ " into " ~ output_table, info=true) }}
{% endmacro %}
