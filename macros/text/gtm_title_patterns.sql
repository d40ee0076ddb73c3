{#-
    gtm_title_patterns(definitions)

    Classifies every title pattern of the definitions (whole `exact` and `semantic`
    titles, and each part between the `*` of a `wildcard` pattern) with the same SQL
    that classifies the titles of people (gtm_classify_titles_ctes), in one query.
    Returns a dict with `word_keys` (pattern text -> word key) and `signatures` (pattern
    text -> role signature), so the generated scoring SQL carries plain literals.
    Returns empty dicts at parse time.

    Example: gtm_title_patterns(gtm_definitions())['word_keys']['Vice President of Sales']
             ->  '|vp||sales|'
-#}
{% macro gtm_title_patterns(definitions) %}
    {#- Registers the classifier's seeds as parents of the calling model at parse time,
        when the definitions are still empty and the query below is not rendered. -#}
    {%- do ref('title_rules') -%}
    {%- do gtm_title_replacements() -%}
    {%- set texts = [] -%}
    {%- for definition in definitions.icps + definitions.personas -%}
        {%- for criterion in definition.criteria if criterion.operator in ['exact', 'wildcard', 'semantic'] -%}
            {%- for value in criterion['values'] -%}
                {%- for text in value.split('*') if text | trim != '' and text not in texts -%}
                    {%- do texts.append(text) -%}
                {%- endfor -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set patterns = {'word_keys': {}, 'signatures': {}} -%}
    {%- if not execute or texts | length == 0 -%}
        {{ return(patterns) }}
    {%- endif -%}

    {%- set selects = [] -%}
    {%- for text in texts -%}
        {%- do selects.append("select " ~ gtm_quote(text) ~ " as title") -%}
    {%- endfor -%}
    {%- set query -%}
with

pattern_texts as (
    {{ selects | join('\n    union all\n    ') }}
),

{{ gtm_classify_titles_ctes('pattern_texts') }}

select title, title_key, title_signature from classified
    {%- endset -%}
    {%- for row in run_query(query).rows -%}
        {%- do patterns.word_keys.update({row['title']: row['title_key']}) -%}
        {%- do patterns.signatures.update({row['title']: row['title_signature']}) -%}
    {%- endfor -%}
    {{ return(patterns) }}
{% endmacro %}
