"""Who is who in an article: the actor knowledge base, actor linking and affiliations.

Stages: `sitrep_actors` (`sitrep.actors.component.ActorLinker`) fills `doc._.actors`;
`sitrep_relations` (`sitrep.actors.relations.RelationExtractor`) fills `doc._.relations`.
The knowledge base is `sitrep.actors.kb` (data in the `kb/` folder). See docs/actors.md.
"""
