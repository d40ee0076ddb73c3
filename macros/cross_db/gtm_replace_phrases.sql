{#-
    gtm_replace_phrases(expression, replacements)

    SQL expression that applies (phrase key, replacement key) pairs to a text expression
    one after another, in list order, as nested replace() calls would. Dispatched per
    adapter.

    Example: gtm_replace_phrases('word_key', [('|vice||president|', '|vp|')])
             ->  replace(word_key, '|vice||president|', '|vp|')
-#}
{% macro gtm_replace_phrases(expression, replacements) %}
    {{ return(adapter.dispatch('gtm_replace_phrases', 'gtm_targeting')(expression, replacements)) }}
{% endmacro %}

{% macro default__gtm_replace_phrases(expression, replacements) -%}
    {%- set state = namespace(key=expression) -%}
    {%- for phrase_key, replacement_key in replacements -%}
        {%- set state.key = "replace(" ~ state.key ~ ", " ~ gtm_quote(phrase_key) ~ ", " ~ gtm_quote(replacement_key) ~ ")" -%}
    {%- endfor -%}
    {{ state.key }}
{%- endmacro %}

{% macro spark__gtm_replace_phrases(expression, replacements) -%}
    {#- Spark plans a deep tree of nested replace() calls slowly: the optimizer walks the
        whole tree for each of its rules, and the classifier nests hundreds of them. A
        fold over an array of pairs keeps the tree flat and applies the pairs in the
        same order. -#}
    {%- if replacements | length == 0 -%}
        {{ expression }}
    {%- else -%}
        {%- set pairs = [] -%}
        {%- for phrase_key, replacement_key in replacements -%}
            {%- do pairs.append("named_struct('phrase', " ~ gtm_quote(phrase_key) ~ ", 'replacement', " ~ gtm_quote(replacement_key) ~ ")") -%}
        {%- endfor -%}
        aggregate(
            array({{ pairs | join(', ') }}),
            {{ expression }},
            (replaced, pair) -> replace(replaced, pair.phrase, pair.replacement)
        )
    {%- endif -%}
{%- endmacro %}
