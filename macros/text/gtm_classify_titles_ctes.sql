{#-
    gtm_classify_titles_ctes(titles_relation)

    Renders the CTEs of the rule-based title classifier, ending in a CTE named
    `classified` with one row per title of `titles_relation` (a relation or CTE with a
    distinct, non-NULL `title` column): its word key, seniority, functions, flags, the
    rule that decided the seniority, and a semantic signature. The int_titles__classified
    model and the command-line tools in scripts/ both run this SQL.

    Rules come from the title_rules seed, matched as whole-word phrases after the phrase
    replacements of title_abbreviations. An exclusive rule (such as "assistant to")
    decides a title alone; otherwise the highest seniority among the matching rules wins
    and every matching function is listed.

    Example: with titles as (select 'VP, Sales' as title),
             {{ gtm_classify_titles_ctes('titles') }}
             select seniority, function_list from classified   ->  vp, |sales|
-#}
{% macro gtm_classify_titles_ctes(titles_relation) %}
{%- set replacements = gtm_title_replacements() %}

rules as (

    select * from {{ ref('title_rules') }}

),

{{ gtm_word_key_ctes('title_keys', titles_relation, 'title', 'title', replacements) }},

keyed_titles as (

    select
        title,
        word_key as title_key
    from title_keys

),

{{ gtm_word_key_ctes('rule_keys', 'rules', 'rule_code', 'phrase', replacements) }},

keyed_rules as (

    select
        rules.rule_code,
        rule_keys.word_key as rule_key,
        -- "Head of X" takes the seniority configured in gtm_head_of_seniority.
        case
            when rules.rule_code = 'head_of' then {{ gtm_quote(var('gtm_head_of_seniority')) }}
            else nullif(trim(rules.seniority), '')
        end as seniority,
        nullif(trim(rules.function_code), '') as function_code,
        coalesce(cast(rules.is_founder as boolean), false) as is_founder,
        coalesce(cast(rules.is_owner as boolean), false) as is_owner,
        coalesce(cast(rules.is_board as boolean), false) as is_board,
        coalesce(cast(rules.is_exclusive as boolean), false) as is_exclusive,
        cast(rules.precedence as integer) as precedence
    from rules

    inner join rule_keys
        on rules.rule_code = rule_keys.rule_code

),

title_words as (

    -- Each distinct word of each title. A rule can only match a title that contains its
    -- first word, so the rules are joined on that word before the phrase test below:
    -- this keeps the comparisons to a few per title instead of one per rule.
    select distinct
        title,
        {{ gtm_split_to_rows("substring(title_key, 2, length(title_key) - 2)", "'||'") }} as word
    from keyed_titles
    where title_key is not null

),

rule_first_words as (

    select
        keyed_rules.*,
        {{ dbt.split_part('keyed_rules.rule_key', "'|'", 2) }} as first_word
    from keyed_rules
    where keyed_rules.rule_key is not null

),

matches as (

    select
        keyed_titles.title,
        keyed_rules.rule_code,
        keyed_rules.seniority,
        keyed_rules.function_code,
        keyed_rules.is_founder,
        keyed_rules.is_owner,
        keyed_rules.is_board,
        keyed_rules.is_exclusive,
        keyed_rules.precedence,
        case keyed_rules.seniority
            {%- for level in gtm_seniority_ladder() %}
                when {{ gtm_quote(level) }} then {{ loop.index }}
            {%- endfor %}
        end as seniority_rank
    from title_words

    inner join rule_first_words as keyed_rules
        on title_words.word = keyed_rules.first_word

    inner join keyed_titles
        on title_words.title = keyed_titles.title

    where keyed_titles.title_key like '%' || keyed_rules.rule_key || '%'

),

exclusive_choice as (

    -- An exclusive rule (such as "assistant to") decides the title alone.
    select
        title,
        rule_code,
        row_number() over (partition by title order by precedence, rule_code) as exclusive_order
    from matches
    where is_exclusive

),

counting_matches as (

    select matches.*
    from matches

    left join exclusive_choice
        on
            matches.title = exclusive_choice.title
            and exclusive_choice.exclusive_order = 1

    where
        exclusive_choice.title is null
        or matches.rule_code = exclusive_choice.rule_code

),

deciding_rule as (

    select
        title,
        rule_code,
        seniority,
        seniority_rank,
        row_number() over (
            partition by title
            order by coalesce(seniority_rank, 0) desc, precedence asc, rule_code asc
        ) as rule_order
    from counting_matches

),

distinct_functions as (

    select distinct
        title,
        function_code
    from counting_matches
    where function_code is not null

),

function_lists as (

    select
        title,
        {{ gtm_list_key_agg('function_code') }} as function_list
    from distinct_functions
    group by title

),

flags as (

    select
        title,
        {{ dbt.bool_or('is_founder') }} as is_founder,
        {{ dbt.bool_or('is_owner') }} as is_owner,
        {{ dbt.bool_or('is_board') }} as is_board
    from counting_matches
    group by title

),

decided as (

    select
        keyed_titles.title,
        keyed_titles.title_key,
        coalesce(deciding_rule.seniority, case when keyed_titles.title_key is not null then 'ic' end) as seniority,
        function_lists.function_list,
        coalesce(flags.is_founder, false) as is_founder,
        coalesce(flags.is_owner, false) as is_owner,
        coalesce(flags.is_board, false) as is_board,
        case
            when deciding_rule.seniority is not null then deciding_rule.rule_code
            when keyed_titles.title_key is not null then 'default_ic'
        end as seniority_rule

    from keyed_titles

    left join deciding_rule
        on
            keyed_titles.title = deciding_rule.title
            and deciding_rule.rule_order = 1

    left join function_lists
        on keyed_titles.title = function_lists.title

    left join flags
        on keyed_titles.title = flags.title

),

classified as (

    select
        decided.*,
        -- The role apart from its wording and language: seniority, functions and flags.
        -- The semantic title operator matches titles with equal signatures.
        case
            when decided.title_key is not null
                then decided.seniority
                || ':' || coalesce(decided.function_list, '')
                || ':' || case when decided.is_founder then '|founder|' else '' end
                || case when decided.is_owner then '|owner|' else '' end
                || case when decided.is_board then '|board|' else '' end
        end as title_signature
    from decided

)
{%- endmacro %}
