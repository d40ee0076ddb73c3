{#-
    gtm_word_key_ctes(name, relation, id_column, text_column, replacements)

    Renders CTEs that key a text column (see gtm_word_key) and then apply the phrase
    replacements (from gtm_title_replacements) in order, ending in a CTE called `name`
    with the columns `id_column` and `word_key` (NULL when no word is left). The
    replacements are spread over several CTEs of at most 25 nested replace() calls
    each: one expression nesting hundreds of calls exceeds sqlfluff's parser and makes
    DuckDB's constant folding slow.

    Arguments:
        name: name of the final CTE
        relation: the CTE or relation holding the text
        id_column: the column that identifies a row (carried through)
        text_column: the column holding the text
        replacements: list of (phrase key, replacement key) pairs

    Example: gtm_word_key_ctes('keyed_titles', 'distinct_titles', 'title', 'title', gtm_title_replacements())
-#}
{% macro gtm_word_key_ctes(name, relation, id_column, text_column, replacements) %}
    {%- set stage_size = 25 -%}
    {%- set stage_count = ((replacements | length) / stage_size) | round(0, 'ceil') | int -%}

{{ name }}__stage_0 as (

    select
        {{ id_column }},
        {{ gtm_word_key(text_column) }} as word_key
    from {{ relation }}

),
    {%- for stage in range(1, stage_count + 1) %}

{{ name }}__stage_{{ stage }} as (

    select
        {{ id_column }},
        {{ gtm_replace_phrases('word_key', replacements[(stage - 1) * stage_size:stage * stage_size]) }} as word_key
    from {{ name }}__stage_{{ stage - 1 }}

),
    {%- endfor %}

{{ name }} as (

    select
        {{ id_column }},
        nullif(word_key, '') as word_key
    from {{ name }}__stage_{{ stage_count }}

)
{%- endmacro %}
