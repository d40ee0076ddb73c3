{#-
    gtm_title_pattern_keys(definitions)

    Computes the word key of every title pattern in the definitions (whole `exact`
    titles, and each part between the `*` of a `wildcard` pattern) by running the same
    SQL that keys the titles of people (gtm_word_key_ctes), in one query. Returns
    a dict from pattern text to key, so the generated scoring SQL carries plain literal
    keys. Returns an empty dict at parse time.

    Example: gtm_title_pattern_keys(gtm_definitions())['Vice President of Sales']
             ->  '|vp||sales|'
-#}
{% macro gtm_title_pattern_keys(definitions) %}
    {%- set texts = [] -%}
    {%- for definition in definitions.icps + definitions.personas -%}
        {%- for criterion in definition.criteria if criterion.operator in ['exact', 'wildcard'] -%}
            {%- for value in criterion['values'] -%}
                {%- for text in value.split('*') if text | trim != '' and text not in texts -%}
                    {%- do texts.append(text) -%}
                {%- endfor -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set replacements = gtm_title_replacements() -%}
    {%- if not execute or texts | length == 0 -%}
        {{ return({}) }}
    {%- endif -%}

    {%- set selects = [] -%}
    {%- for text in texts -%}
        {%- do selects.append("select " ~ loop.index ~ " as pattern_index, " ~ gtm_quote(text) ~ " as pattern_text") -%}
    {%- endfor -%}
    {%- set query -%}
with

patterns as (
    {{ selects | join('\n    union all\n    ') }}
),

{{ gtm_word_key_ctes('pattern_keys', 'patterns', 'pattern_index', 'pattern_text', replacements) }}

select * from pattern_keys
    {%- endset -%}
    {%- set rows = run_query(query).rows -%}
    {%- set keys = {} -%}
    {%- for row in rows -%}
        {%- do keys.update({texts[row['pattern_index'] - 1]: row['word_key']}) -%}
    {%- endfor -%}
    {{ return(keys) }}
{% endmacro %}
