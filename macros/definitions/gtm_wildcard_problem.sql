{#-
    gtm_wildcard_problem(pattern, stopwords=[])

    Returns why a title wildcard pattern is invalid, or an empty string when it is valid.
    `*` is the only wildcard and stands for any run of whole words, so it may not be
    doubled, and every other part must contain a letter or digit. A pattern without `*`
    matches the whole title, as operator exact does. `stopwords` are the words that title
    normalisation deletes (`of`, `the`): a pattern made of nothing else would match
    every title.

    Example: gtm_wildcard_problem('VP%')  ->  "'%' is not a wildcard here; ..."
-#}
{% macro gtm_wildcard_problem(pattern, stopwords=[]) %}
    {%- set re = modules.re -%}
    {%- set foreign = re.findall('[?%_\\[\\]{}]', pattern) -%}
    {%- if foreign -%}
        {{ return("'" ~ foreign[0] ~ "' is not a wildcard here; use * for any run of whole words.") }}
    {%- elif re.search('\\*\\s*\\*', pattern) -%}
        {{ return("two * in a row; one * already matches any run of words.") }}
    {%- elif not re.search('\\w', pattern) or (stopwords and pattern.replace('*', ' ').lower().split() | reject('in', stopwords) | list | length == 0) -%}
        {{ return("it has no letters or digits other than words that titles drop (such as 'of'), so it would match every title; remove the criterion instead.") }}
    {%- endif -%}
    {%- for part in pattern.split('*') if part | trim != '' and not re.search('\\w', part) -%}
        {{ return("the part '" ~ part ~ "' has no letters or digits.") }}
    {%- endfor -%}
    {{ return('') }}
{% endmacro %}
