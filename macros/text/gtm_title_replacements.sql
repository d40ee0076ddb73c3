{#-
    gtm_title_replacements()

    Loads the phrase replacements of the title_abbreviations seed as a list of
    (phrase key, replacement key) pairs in the order gtm_word_key_ctes applies them: phrases
    with more words first, then alphabetical. Keys wrap every word in pipes, so a
    replacement only ever touches whole words. Returns an empty list at parse time.

    Example: gtm_title_replacements()[0]  ->  ('|chief||executive||officer|', '|ceo|')
-#}
{% macro gtm_title_replacements() %}
    {%- set relation = ref('title_abbreviations') -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set rows = run_query('select phrase, replacement from ' ~ relation).rows -%}
    {%- set entries = [] -%}
    {%- for row in rows -%}
        {%- set words = (row['phrase'] or '').lower().split() -%}
        {%- set replacement_words = (row['replacement'] or '').lower().split() -%}
        {%- if words | length > 0 -%}
            {%- do entries.append({
                'word_count': words | length,
                'phrase': words | join(' '),
                'phrase_key': '|' ~ words | join('||') ~ '|',
                'replacement_key': ('|' ~ replacement_words | join('||') ~ '|') if replacement_words else '',
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set pairs = [] -%}
    {%- for entry in entries | sort(attribute='phrase') | sort(attribute='word_count', reverse=true) -%}
        {%- do pairs.append((entry.phrase_key, entry.replacement_key)) -%}
    {%- endfor -%}
    {{ return(pairs) }}
{% endmacro %}
